# expect: pass
# The course's own layout: one sample at a time, column vectors, arrays of shape (H, T+1).
"""δ の漸化式（サンプルごと・列ベクトル）。/ The δ recursion, one sample at a time, in columns."""
from __future__ import annotations

import numpy as np


def d_sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s * (1 - s)


def rnn_delta(u, delta_out, W, W_out):
    N, T, _ = delta_out.shape
    H = W.shape[0]
    out = np.zeros((N, T + 1, H))
    for n in range(N):
        un = u[n].T                    # (H, T+1)
        dn = delta_out[n].T            # (O, T)
        delta = np.zeros((H, T + 1))
        for t in range(T)[::-1]:
            delta[:, t] = (W @ delta[:, t + 1] + W_out @ dn[:, t]) * d_sigmoid(un[:, t + 1])
        out[n] = delta.T
    return out
