# expect: fail
# diagnosis: the covariance matrix Σ itself sits in the middle
# mistake: (x − μ)ᵀ Σ (x − μ) instead of (x − μ)ᵀ Σ⁻¹ (x − μ)
import numpy as np


def cosine_similarity_matrix(A, B):
    An = A / np.linalg.norm(A, axis=1, keepdims=True)
    Bn = B / np.linalg.norm(B, axis=1, keepdims=True)
    return An @ Bn.T


def mahalanobis_distances(X, data):
    mu = data.mean(axis=0)
    cov = np.cov(data, rowvar=False)
    diff = X - mu
    return np.sqrt(np.sum(diff @ cov * diff, axis=1))
