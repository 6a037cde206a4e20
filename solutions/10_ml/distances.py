"""コサイン類似度の行列とマハラノビス距離 / A cosine-similarity matrix and Mahalanobis distances.

cosine_similarity_matrix(A, B): A (M, D)、B (N, D) の行どうしのコサイン類似度 (M, N) を返します。
mahalanobis_distances(X, data): data (K, D) の平均と不偏共分散行列（K − 1 で割る）を使い、X (N, D) の
各行のマハラノビス距離 sqrt((x − μ)ᵀ Σ⁻¹ (x − μ))（2 乗する前の値）を (N,) で返します。

cosine_similarity_matrix(A, B): the cosine similarities (M, N) between the rows of A (M, D) and B (N, D).
mahalanobis_distances(X, data): with the mean and the unbiased covariance matrix (divided by K − 1) of
data (K, D), the Mahalanobis distance sqrt((x − μ)ᵀ Σ⁻¹ (x − μ)) (not squared) of each row of X (N, D), (N,).
"""
import numpy as np


def cosine_similarity_matrix(A, B):
    """A (M, D), B (N, D), rows never zero -> S (M, N), S[i, j] = A[i]·B[j] / (‖A[i]‖ ‖B[j]‖)."""
    a_norm = np.sqrt(np.sum(A ** 2, axis=1, keepdims=True))   # (M, 1)
    b_norm = np.sqrt(np.sum(B ** 2, axis=1))                  # (N,)
    return (A @ B.T) / (a_norm * b_norm)                      # (M, 1) * (N,) broadcasts to (M, N)


def mahalanobis_distances(X, data):
    """X (N, D), data (K, D) with K > D -> (N,) Mahalanobis distances from data's distribution."""
    mu = data.mean(axis=0)                                    # (D,)
    centred = data - mu                                       # (K, D)
    cov = centred.T @ centred / (data.shape[0] - 1)           # unbiased covariance (D, D)
    diff = X - mu                                             # (N, D)
    solved = np.linalg.solve(cov, diff.T).T                   # each row: Σ⁻¹ (x − μ), (N, D)
    return np.sqrt(np.sum(diff * solved, axis=1))             # (N,)
