# expect: pass
# PCA by the SVD of the centred data: the right singular vectors are the covariance's eigenvectors
# (signs as the SVD happens to give them), the squared singular values are N times its eigenvalues.
import numpy as np


def pca(X, k):
    Xc = X - X.mean(axis=0)
    _, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    W = Vt[:k].T
    return Xc @ W, W, (s[:k] ** 2) / np.sum(s ** 2)
