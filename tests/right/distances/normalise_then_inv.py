# expect: pass
# form: rows normalised first, np.cov and np.linalg.inv with einsum, loops over rows for the distances
import numpy as np


def cosine_similarity_matrix(A, B):
    An = A / np.linalg.norm(A, axis=1, keepdims=True)
    Bn = B / np.linalg.norm(B, axis=1, keepdims=True)
    return An @ Bn.T


def mahalanobis_distances(X, data):
    mu = data.mean(axis=0)
    inv = np.linalg.inv(np.cov(data, rowvar=False))
    out = np.empty(X.shape[0])
    for i, x in enumerate(X):
        d = x - mu
        out[i] = np.sqrt(d @ inv @ d)
    return out
