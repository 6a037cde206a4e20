# expect: pass
# vectorised means with np.add.at; np.where keeps an empty cluster's old centre
import numpy as np


def kmeans_step(X, centers):
    d = ((X[:, None, :] - centers[None]) ** 2).sum(-1)
    labels = d.argmin(axis=1)
    K = centers.shape[0]
    sums = np.zeros((K, X.shape[1]))
    np.add.at(sums, labels, X)
    counts = np.bincount(labels, minlength=K)[:, None]
    return labels, np.where(counts > 0, sums / np.maximum(counts, 1), centers)
