# expect: pass
# Book 1 style: reshape a 1-D y, argmax a one-hot t, index with np.arange, np.float64 result.
import numpy as np


def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:          # one-hot -> labels
        t = t.argmax(axis=1)
    batch = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch), t] + 1e-7)) / batch
