"""k-means の 1 ステップ / One step of k-means."""
import numpy as np


def kmeans_step(X, centers):
    """X (N, D), centers (K, D) -> (labels (N,) int, new_centers (K, D))."""
    dist2 = np.sum((X[:, None, :] - centers[None, :, :]) ** 2, axis=2)   # (N, K)
    labels = np.argmin(dist2, axis=1)                                   # the nearest centre
    new_centers = centers.astype(np.float64).copy()                      # an empty cluster keeps its centre
    for j in range(centers.shape[0]):
        members = X[labels == j]
        if len(members) > 0:
            new_centers[j] = members.mean(axis=0)
    return labels, new_centers
