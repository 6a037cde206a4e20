# expect: fail
# diagnosis: the label met first among the neighbours
# mistake: Counter.most_common(1) breaks a tie by the order the labels were met (the nearest first)
from collections import Counter

import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    preds = []
    for x in X_test:
        dist = np.sqrt(np.sum((X_train - x) ** 2, axis=1))
        nearest = np.argsort(dist)[:k]
        label, _ = Counter(y_train[nearest].tolist()).most_common(1)[0]
        preds.append(label)
    return np.array(preds)
