# expect: fail
# diagnosis: on a tie for the best score you keep the larger threshold
# mistake: updating with <= lets a later threshold with the same score replace the earlier, smaller one
import numpy as np


def impurity(y, criterion):
    p = np.bincount(y) / y.size
    p = p[p > 0]
    if criterion == "gini":
        return float(1 - np.sum(p**2))
    return float(-np.sum(p * np.log2(p)))


def best_split(x, y, criterion):
    values = np.unique(x)
    if len(values) == 1:
        return float("nan"), impurity(y, criterion)
    n = len(y)
    best = None
    for t in (values[:-1] + values[1:]) / 2:
        left = x <= t
        score = (left.sum() * impurity(y[left], criterion) + (~left).sum() * impurity(y[~left], criterion)) / n
        if best is None or score <= best[1]:
            best = (float(t), float(score))
    return best
