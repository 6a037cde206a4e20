"""BPTT（通時的誤差逆伝播）: E資格形式の二重ループで dW, dU, dV を求める。

順伝播（与えられている）:
    h_{-1} = 0
    a_t = xs[:, t] @ W.T + h_{t-1} @ U.T      （活性化前）
    h_t = tanh(a_t)                            （活性化後 = 隠れ状態）
    o_t = h_t @ V.T
    E   = Σ_t ½‖o_t − ys[:, t]‖² / N           （t と全要素で和をとり、バッチ数 N で割る）
コードでは hs[:, t] = h_t（t = 0..T-1、tanh の後）。ヘルパー h(t) は t >= 0 なら hs[:, t]、
t = -1 ならゼロ (N, H) を返します。h_{step-1} には h(step - 1) を使ってください
（numpy の hs[:, -1] は最後の状態 h_{T-1} で、ゼロではありません）。
delta は E_t = ½‖o_t − ys[:, t]‖² / N（E の t 番目の項）の a_step による微分 ∂E_t/∂a_step (N, H)。
ループの中の TODO を埋めて、E の厳密な勾配 (dW, dU, dV) を返してください。

Forward pass (given):
    h_{-1} = 0
    a_t = xs[:, t] @ W.T + h_{t-1} @ U.T      (pre-activation)
    h_t = tanh(a_t)                            (after activation = the hidden state)
    o_t = h_t @ V.T
    E   = Σ_t ½‖o_t − ys[:, t]‖² / N           (sum over t and all elements, divided by batch N)
In the code hs[:, t] = h_t (t = 0..T-1, after tanh). The helper h(t) returns hs[:, t] for t >= 0
and zeros (N, H) for t = -1: use h(step - 1) for h_{step-1} (numpy's hs[:, -1] is the last state
h_{T-1}, not zeros). delta is ∂E_t/∂a_step (N, H), where E_t = ½‖o_t − ys[:, t]‖² / N is the t-th
term of E. Fill in the TODO lines inside the loops and return the exact gradients (dW, dU, dV).

Shapes: xs (N, T, D), ys (N, T, O), W (H, D), U (H, H), V (O, H); dW, dU, dV like W, U, V.
"""
from __future__ import annotations

import numpy as np


def forward(xs, W, U, V):
    """順伝播。hs[:, t] = h_t（tanh の後）, outs[:, t] = o_t。/ Forward pass; h_t is after tanh."""
    N, T, _ = xs.shape
    H = W.shape[0]
    hs = np.zeros((N, T, H))
    outs = np.zeros((N, T, V.shape[0]))
    h_prev = np.zeros((N, H))  # h_{-1} = 0
    for t in range(T):
        h_prev = np.tanh(xs[:, t] @ W.T + h_prev @ U.T)
        hs[:, t] = h_prev
        outs[:, t] = h_prev @ V.T
    return hs, outs


def bptt(xs, ys, W, U, V):
    """E = Σ_t ½‖o_t − y_t‖² / N の勾配 (dW, dU, dV) を返す。/ Return the exact gradients of E."""
    N, T, _ = xs.shape
    hs, outs = forward(xs, W, U, V)

    def h(t):
        """h_t（活性化後）。h(-1) はゼロ。/ h_t (after tanh); h(-1) is zeros."""
        return hs[:, t] if t >= 0 else np.zeros_like(hs[:, 0])

    dW = np.zeros_like(W)
    dU = np.zeros_like(U)
    dV = np.zeros_like(V)
    for t in reversed(range(T)):
        # TODO: delta_o = ...                              ∂E/∂o_t           (N, O)
        # TODO: dV += ...                                                    (O, H)
        # TODO: delta = ... * (1 - h(t) ** 2)             ∂E_t/∂a_t         (N, H)
        raise NotImplementedError("bptt: ループ内の TODO を埋めてください / fill in the TODO lines")
        for step in reversed(range(t + 1)):
            # TODO: dW += ...                                                (H, D)
            # TODO: dU += ...                                                (H, H)
            # TODO: delta = ... * (1 - h(step - 1) ** 2)  ∂E_t/∂a_{step-1}  (N, H)
            pass
    return dW, dU, dV
