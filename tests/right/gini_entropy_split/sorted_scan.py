# expect: pass
# form: labels counted with a dict, log2 as log / log(2), the feature sorted once and scanned left to right
import math

import numpy as np


def impurity(y, criterion):
    counts = {}
    for label in y.tolist():
        counts[label] = counts.get(label, 0) + 1
    shares = [c / len(y) for c in counts.values()]
    if criterion == "gini":
        return 1.0 - sum(p * p for p in shares)
    return -sum(p * math.log(p) / math.log(2) for p in shares)


def best_split(x, y, criterion):
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    n = len(xs)
    best_t, best_score = float("nan"), impurity(y, criterion)
    found = False
    for i in range(1, n):
        if xs[i] == xs[i - 1]:
            continue
        score = (i * impurity(ys[:i], criterion) + (n - i) * impurity(ys[i:], criterion)) / n
        if not found or score < best_score:
            best_t, best_score, found = (xs[i - 1] + xs[i]) / 2, score, True
    return float(best_t), float(best_score)
