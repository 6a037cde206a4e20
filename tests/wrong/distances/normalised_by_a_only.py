# expect: fail
# diagnosis: you divide by the norms of A's rows only
# mistake: the similarity matrix is divided by ‖A[i]‖ but not by ‖B[j]‖
import numpy as np


def cosine_similarity_matrix(A, B):
    return (A @ B.T) / np.linalg.norm(A, axis=1, keepdims=True)


def mahalanobis_distances(X, data):
    mu = data.mean(axis=0)
    cov = np.cov(data, rowvar=False)
    diff = X - mu
    return np.sqrt(np.einsum("nd,de,ne->n", diff, np.linalg.inv(cov), diff))
