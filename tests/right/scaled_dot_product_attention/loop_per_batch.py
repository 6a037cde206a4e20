# expect: pass
# a loop over the batch with 2-D matrices, mask by masked assignment
import numpy as np


def softmax(x):
    x = x - x.max(axis=1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=1, keepdims=True)


def attention(Q, K, V, mask=None):
    N, Tq, d = Q.shape
    outs, ws = [], []
    for n in range(N):
        s = Q[n] @ K[n].T / d ** 0.5
        if mask is not None:
            s[mask[n]] = -np.inf
        w = softmax(s)
        ws.append(w)
        outs.append(w @ V[n])
    return np.stack(outs), np.stack(ws)
