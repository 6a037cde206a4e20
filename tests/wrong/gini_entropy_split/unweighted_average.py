# expect: fail
# diagnosis: the children's impurities are averaged plainly
# mistake: (I(left) + I(right)) / 2 instead of the average weighted by the children's sample counts
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
    best = None
    for t in (values[:-1] + values[1:]) / 2:
        left = x <= t
        score = (impurity(y[left], criterion) + impurity(y[~left], criterion)) / 2
        if best is None or score < best[1]:
            best = (float(t), float(score))
    return best
