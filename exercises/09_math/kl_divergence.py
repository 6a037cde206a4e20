"""KL ダイバージェンス（行ごと、自然対数）/ KL divergence of each row (natural log).

p, q: (N, K)。各行が K 個の値の確率分布です。q の要素はすべて正、p は 0 を含むことがあります。
kl_divergence(p, q) は各行の KL(p‖q) = Σ_k p_k log(p_k / q_k) を (N,) の配列で返します。
自然対数 np.log（nat）を使い、p_k = 0 の項は 0 とします。

p, q: (N, K); each row is a probability distribution over K values. Every entry of q is positive; p may
contain zeros. kl_divergence(p, q) returns KL(p‖q) = Σ_k p_k log(p_k / q_k) for each row, as an (N,)
array. Use the natural log np.log (nats); p_k = 0 terms count as 0.
"""
import numpy as np


def kl_divergence(p, q):
    # TODO: Σ p log(p / q) を行ごとに（p = 0 の項は 0）/ Σ p log(p / q) per row (p = 0 terms are 0)
    raise NotImplementedError("kl_divergence: TODO を埋めてください / fill in the TODO")
