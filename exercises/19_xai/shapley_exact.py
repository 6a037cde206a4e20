"""n 個の特徴量の厳密な Shapley 値を、すべての部分集合を数え上げて求めてください。

shapley_exact(n, value) -> phi
  n: 特徴量（プレイヤー）の数、value(S): 部分集合 S（0..n−1 の整数の frozenset）の価値 v(S)（float）
  φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S))、phi: (n,) float64

Compute exact Shapley values of n features by enumerating every subset.
  n: the number of features (players); value(S): the worth v(S) (a float) of a subset S (a frozenset of
  ints in 0..n−1)
  φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S)); phi: (n,) float64
"""
from itertools import combinations
from math import factorial

import numpy as np


def shapley_exact(n, value):
    # TODO: 各 i について、i を含まない部分集合 S をすべて数え上げ、重み付きの限界貢献を足す
    #       for each i, enumerate every subset S without i and add up the weighted marginal contributions
    raise NotImplementedError("shapley_exact: TODO を埋めてください / fill in the TODO")
