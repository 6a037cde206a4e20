# expect: pass
# The exam's trick: hs gets T+1 rows and the extra LAST row stays zero, so hs[:, -1] is h_{-1} = 0.
# Also divides by N once at the end instead of in delta_o.
"""BPTT（hs の末尾にゼロの行を置く書き方）。/ BPTT with a trailing zero row in hs."""
from __future__ import annotations

import numpy as np


def bptt(xs, ys, W, U, V):
    N, T, _ = xs.shape
    H = W.shape[0]
    hs = np.zeros((N, T + 1, H))           # hs[:, T] (= hs[:, -1]) stays 0
    outs = np.zeros((N, T, V.shape[0]))
    for t in range(T):
        hs[:, t] = np.tanh(xs[:, t] @ W.T + hs[:, t - 1] @ U.T)
        outs[:, t] = hs[:, t] @ V.T
    dW, dU, dV = np.zeros_like(W), np.zeros_like(U), np.zeros_like(V)
    for t in reversed(range(T)):
        delta_o = outs[:, t] - ys[:, t]
        dV += delta_o.T @ hs[:, t]
        delta = delta_o @ V * (1 - hs[:, t] ** 2)
        for step in reversed(range(t + 1)):
            dW += delta.T @ xs[:, step]
            dU += delta.T @ hs[:, step - 1]
            delta = delta @ U * (1 - hs[:, step - 1] ** 2)
    return dW / N, dU / N, dV / N
