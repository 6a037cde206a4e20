"""主成分分析（PCA）/ Principal component analysis."""
import numpy as np


def pca(X, k):
    """X (N, D), k -> (Z (N, k), W (D, k), ratio (k,))."""
    Xc = X - X.mean(axis=0)                    # centre every feature
    cov = Xc.T @ Xc / X.shape[0]               # covariance matrix (D, D)
    values, vectors = np.linalg.eigh(cov)      # ascending eigenvalues, eigenvectors in columns
    order = np.argsort(values)[::-1][:k]       # the k largest
    W = vectors[:, order]                      # (D, k)
    Z = Xc @ W                                 # (N, k)
    ratio = values[order] / np.sum(values)     # explained variance ratio (k,)
    return Z, W, ratio
