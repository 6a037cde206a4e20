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
    # TODO: ラベルの割合 p_k → Gini 1 − Σ p_k² またはエントロピー −Σ p_k log₂ p_k（p_k = 0 の項は 0）
    #       label shares p_k -> Gini 1 − Σ p_k² or entropy −Σ p_k log₂ p_k (terms with p_k = 0 are 0)
    raise NotImplementedError("impurity: TODO を埋めてください / fill in the TODO")


def best_split(x, y, criterion):
    """x (n,) float, y (n,) int labels -> (threshold, weighted child impurity); (nan, impurity(y)) if x is constant."""
    # TODO: 隣り合う異なる値の中点を小さい順に試し、(n_L·I(左) + n_R·I(右)) / n が最小のものを選ぶ
    #       (同点なら小さい方のしきい値)
    #       try the midpoints between neighbouring distinct values in increasing order and keep the one with
    #       the smallest (n_L·I(left) + n_R·I(right)) / n (on a tie, the smaller threshold)
    raise NotImplementedError("best_split: TODO を埋めてください / fill in the TODO")
