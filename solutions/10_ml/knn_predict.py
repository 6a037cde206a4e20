"""k 近傍法の予測 / k-nearest-neighbour prediction."""
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    """X_train (N, D), y_train (N,) int labels, X_test (M, D), k -> predicted labels (M,)."""
    diff = X_test[:, None, :] - X_train[None, :, :]     # (M, N, D)
    dist2 = np.sum(diff ** 2, axis=2)                   # squared Euclidean distances (M, N)
    nearest = np.argsort(dist2, axis=1)[:, :k]          # the k smallest distances, (M, k)
    votes = y_train[nearest]                            # their labels, (M, k)
    pred = np.empty(X_test.shape[0], dtype=np.int64)
    for i, v in enumerate(votes):
        pred[i] = np.argmax(np.bincount(v))   # votes per label 0..max(v); argmax: the smallest label wins a tie
    return pred
