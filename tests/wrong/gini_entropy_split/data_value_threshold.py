# expect: fail
# diagnosis: the threshold returned is the left data value itself
# mistake: the split x <= v_j is right, but v_j is returned instead of the midpoint (v_j + v_(j+1))/2
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
    for v in values[:-1]:
        left = x <= v
        score = (left.sum() * impurity(y[left], criterion) + (~left).sum() * impurity(y[~left], criterion)) / n
        if best is None or score < best[1]:
            best = (float(v), float(score))
    return best
