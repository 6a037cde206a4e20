"""決定木の不純度と 1 つの特徴量の最良の分割 / A decision tree's impurity and the best split of one feature.

impurity(y, criterion): ラベル y (n,) のノードの不純度（"gini": 1 − Σ p_k²、"entropy": −Σ p_k log₂ p_k）。
best_split(x, y, criterion): 特徴量 x (n,) のしきい値 t で x <= t と x > t に分けるとき、子ノードの不純度を
サンプル数で重みづけした平均が最小になる (t, その値) を返します。

impurity(y, criterion): the impurity of a node with labels y (n,) ("gini": 1 − Σ p_k², "entropy": −Σ p_k log₂ p_k).
best_split(x, y, criterion): splitting by x <= t and x > t on a threshold t of the feature x (n,), return
(t, score) with the smallest average of the children's impurities weighted by their sample counts.
"""
import numpy as np


def impurity(y, criterion):
    """y (n,) int labels >= 0, n >= 1; criterion "gini" or "entropy" (log base 2) -> float."""
    counts = np.bincount(y)
    p = counts[counts > 0] / y.size                  # shares of the labels present
    if criterion == "gini":
        return float(1.0 - np.sum(p ** 2))
    return float(-np.sum(p * np.log2(p)))            # 0 · log 0 = 0: absent labels are left out


def best_split(x, y, criterion):
    """x (n,) float, y (n,) int labels -> (threshold, weighted child impurity); (nan, impurity(y)) if x is constant."""
    values = np.unique(x)                            # sorted distinct values
    if values.size < 2:
        return float("nan"), impurity(y, criterion)
    n = y.size
    scores = []
    for v in values[:-1]:                            # the threshold between v and the next value
        left = x <= v                                # the same side as x <= the midpoint
        scores.append((left.sum() * impurity(y[left], criterion) + (~left).sum() * impurity(y[~left], criterion)) / n)
    j = int(np.argmin(scores))                       # the first minimum: a tie goes to the smaller threshold
    return float((values[j] + values[j + 1]) / 2), float(scores[j])
