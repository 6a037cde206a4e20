"""エントロピー（行ごと、自然対数）/ Entropy of each row (natural log).

p: (N, K)。各行が K 個の値の確率分布です（各要素 ≥ 0、行の和 = 1。0 を含むことがあります）。
entropy(p) は各行のエントロピー H = −Σ_k p_k log p_k を (N,) の配列で返します。
自然対数 np.log（単位 nat）を使い、p_k = 0 の項は 0 とします（0 log 0 = 0）。

p: (N, K); each row is a probability distribution over K values (entries ≥ 0, each row sums to 1;
zeros may occur). entropy(p) returns the entropy of each row, H = −Σ_k p_k log p_k, as an (N,) array.
Use the natural log np.log (nats), and count p_k = 0 terms as 0 (0 log 0 = 0).
"""
import numpy as np


def entropy(p):
    # TODO: −Σ p log p を行ごとに（p = 0 の項は 0）/ −Σ p log p per row (p = 0 terms count as 0)
    raise NotImplementedError("entropy: TODO を埋めてください / fill in the TODO")
