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
    # TODO: 内積の行列 (M, N) を、各行のノルムの積で割る
    #       the matrix of dot products (M, N), divided by the products of the rows' norms
    raise NotImplementedError("cosine_similarity_matrix: TODO を埋めてください / fill in the TODO")


def mahalanobis_distances(X, data):
    """X (N, D), data (K, D) with K > D -> (N,) Mahalanobis distances from data's distribution."""
    # TODO: data の平均 μ と不偏共分散行列 Σ → 各行の sqrt((x − μ)ᵀ Σ⁻¹ (x − μ))
    #       data's mean μ and unbiased covariance Σ -> each row's sqrt((x − μ)ᵀ Σ⁻¹ (x − μ))
    raise NotImplementedError("mahalanobis_distances: TODO を埋めてください / fill in the TODO")
