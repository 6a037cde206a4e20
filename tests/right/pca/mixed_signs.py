# expect: pass
# each component's sign chosen differently (first column flipped), Z consistent with W
import numpy as np


def pca(X, k):
    Xc = X - np.mean(X, axis=0, keepdims=True)
    values, vectors = np.linalg.eigh(np.cov(Xc.T, bias=True))
    idx = np.argsort(-values)[:k]
    W = vectors[:, idx] * np.where(np.arange(k) % 2 == 0, -1.0, 1.0)
    return Xc.dot(W), W, values[idx] / values.sum()
