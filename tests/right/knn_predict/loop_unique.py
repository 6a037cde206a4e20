# expect: pass
# a loop over test points, np.unique with counts (sorted labels, so argmax picks the smallest on a tie)
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    preds = np.zeros(len(X_test), dtype=int)
    for i, x in enumerate(X_test):
        dist = np.linalg.norm(X_train - x, axis=1)
        labels, counts = np.unique(y_train[np.argsort(dist)[:k]], return_counts=True)
        preds[i] = labels[np.argmax(counts)]
    return preds
