# expect: pass
# A single backward sweep (book 2 TimeRNN style): carry dh_next instead of the inner loop.
"""BPTT を 1 回の逆向き走査で。/ BPTT with one backward sweep."""
from __future__ import annotations

import numpy as np


def bptt(xs, ys, W, U, V):
    N, T, _ = xs.shape
    H = W.shape[0]
    hs = np.zeros((N, T, H))
    h = np.zeros((N, H))
    for t in range(T):
        h = np.tanh(xs[:, t] @ W.T + h @ U.T)
        hs[:, t] = h
    outs = hs @ V.T
    dW, dU, dV = np.zeros_like(W), np.zeros_like(U), np.zeros_like(V)
    dh_next = np.zeros((N, H))
    for t in range(T - 1, -1, -1):
        do = (outs[:, t] - ys[:, t]) / N
        dV += do.T @ hs[:, t]
        da = (do @ V + dh_next) * (1 - hs[:, t] ** 2)
        dW += da.T @ xs[:, t]
        if t > 0:
            dU += da.T @ hs[:, t - 1]
        dh_next = da @ U
    return dW, dU, dV
