# expect: fail
# diagnosis: you return the squared Mahalanobis distance
# mistake: the square root is missing
import numpy as np


def cosine_similarity_matrix(A, B):
    An = A / np.linalg.norm(A, axis=1, keepdims=True)
    Bn = B / np.linalg.norm(B, axis=1, keepdims=True)
    return An @ Bn.T


def mahalanobis_distances(X, data):
    mu = data.mean(axis=0)
    cov = np.cov(data, rowvar=False)
    diff = X - mu
    return np.einsum("nd,de,ne->n", diff, np.linalg.inv(cov), diff)
