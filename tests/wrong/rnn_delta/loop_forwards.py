# expect: fail
# diagnosis: run the loop backwards
# mistake: for t in range(T): delta[:, t+1] is still 0 when read
"""ラビットチャレンジ Day 3（2 進数の足し算 RNN）の δ の漸化式。

The δ recursion of the Rabbit Challenge Day 3 binary-addition RNN.
"""
from __future__ import annotations

import numpy as np


def sigmoid(u):
    """シグモイド関数。/ The sigmoid function."""
    return 1 / (1 + np.exp(-u))


def d_sigmoid(u):
    """シグモイドの微分 σ'(u) = σ(u)(1 − σ(u))。u は活性化前の値。/ σ'(u); u is the pre-activation."""
    s = sigmoid(u)
    return s * (1 - s)


def rnn_delta(u, delta_out, W, W_out):
    """隠れ層の δ を時間を逆向きにたどって求める。/ Hidden-layer deltas, computed backwards in time.

    u (N, T+1, H), delta_out (N, T, O), W (H, H), W_out (H, O) -> delta (N, T+1, H), delta[:, T] = 0.
    """
    N, T, _ = delta_out.shape
    delta = np.zeros((N, T + 1, W.shape[0]))
    for t in range(T):
        delta[:, t] = (delta[:, t + 1] @ W.T + delta_out[:, t] @ W_out.T) * d_sigmoid(u[:, t + 1])
    return delta
