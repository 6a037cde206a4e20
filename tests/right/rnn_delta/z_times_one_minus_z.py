# expect: pass
# Activate once, then use z * (1 - z) on the ACTIVATED z: the same derivative, another form.
"""δ の漸化式（z(1 − z) の形）。/ The δ recursion with z * (1 - z)."""
from __future__ import annotations

import numpy as np


def rnn_delta(u, delta_out, W, W_out):
    N, T, _ = delta_out.shape
    z = 1 / (1 + np.exp(-u))           # activated hidden states, (N, T+1, H)
    delta = np.zeros((N, T + 1, W.shape[0]))
    t = T - 1
    while t >= 0:
        grad_z = delta[:, t + 1] @ W.T + delta_out[:, t] @ W_out.T
        delta[:, t] = grad_z * z[:, t + 1] * (1 - z[:, t + 1])
        t -= 1
    return delta
