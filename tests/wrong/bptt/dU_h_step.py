# expect: fail
# diagnosis: dU uses h(step)
# mistake: dU += delta.T @ h(step) (off by one: should be h(step - 1))
"""BPTT（通時的誤差逆伝播）: E資格形式の二重ループで dW, dU, dV を求める。

BPTT in the E資格 style: accumulate dW, dU, dV with a loop over output times and an inner loop
back to step 0.
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
        delta_o = (outs[:, t] - ys[:, t]) / N          # ∂E/∂o_t           (N, O)
        dV += delta_o.T @ h(t)                         #                   (O, H)
        delta = delta_o @ V * (1 - h(t) ** 2)          # ∂E_t/∂a_t         (N, H)
        for step in reversed(range(t + 1)):
            dW += delta.T @ xs[:, step]                #                   (H, D)
            dU += delta.T @ h(step)                #                   (H, H)
            delta = delta @ U * (1 - h(step - 1) ** 2)  # ∂E_t/∂a_{step-1}  (N, H)
    return dW, dU, dV
