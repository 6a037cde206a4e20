"""ラビットチャレンジ Day 3（2 進数の足し算 RNN）の δ の漸化式。

順伝播（行ベクトル形式、コース準拠）:
    u[:, t+1] = X_t @ W_in + z[:, t] @ W     … 活性化前（pre-activation）
    z[:, t+1] = sigmoid(u[:, t+1])           … 活性化後（これが隠れ状態）
    y[:, t]   = sigmoid(z[:, t+1] @ W_out)
z[:, 0] は初期状態、u[:, 0] は使いません（0 が入っています）。時刻 t の量は u と z では添字 t+1 です。
delta_out[:, t] (N, O) は出力層の活性化前 z[:, t+1] @ W_out による損失 L の勾配で、計算済みで与えられます。
delta[:, t] = ∂L/∂u[:, t+1] (N, H)、つまり時刻 t の隠れ層の活性化前の値による L の勾配です。
z[:, t+1] は出力 y[:, t]（W_out 経由）と次の時刻の u[:, t+2]（W 経由）の両方に入ります。
delta[:, t] を t = T-1, T-2, …, 0 の順（時間を逆向き）に求め、delta (N, T+1, H) を返してください。
delta[:, T]（系列の終わりの先）は 0 のままにします。
d_sigmoid(u) = sigmoid(u) * (1 - sigmoid(u)) は「活性化前」の u を受け取ります。

Forward pass (row vectors, as in the course):
    u[:, t+1] = X_t @ W_in + z[:, t] @ W     … pre-activation
    z[:, t+1] = sigmoid(u[:, t+1])           … after activation (the hidden state)
    y[:, t]   = sigmoid(z[:, t+1] @ W_out)
z[:, 0] is the initial state; u[:, 0] is unused (it holds zeros). Step t sits at index t+1 in u and z.
delta_out[:, t] (N, O), given, is the gradient of the loss L w.r.t. the output pre-activation
z[:, t+1] @ W_out. delta[:, t] = ∂L/∂u[:, t+1] (N, H) is the gradient of L w.r.t. the hidden
pre-activation at step t. z[:, t+1] feeds both the output y[:, t] (through W_out) and the next
step's u[:, t+2] (through W). Compute delta[:, t] for t = T-1, T-2, …, 0 (backwards in time) and
return delta (N, T+1, H); delta[:, T] (beyond the end) stays 0.
d_sigmoid(u) = sigmoid(u) * (1 - sigmoid(u)) takes the PRE-activation u.

Shapes: u (N, T+1, H), delta_out (N, T, O), W (H, H), W_out (H, O) -> delta (N, T+1, H).
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
    # TODO: t = T-1, …, 0 の順に delta[:, t] を埋める / fill delta[:, t] for t = T-1, …, 0
    raise NotImplementedError("rnn_delta: TODO を埋めてください / fill in the TODO")
    return delta
