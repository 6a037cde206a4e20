# expect: fail
# diagnosis: y[:, t] takes every column listed in t
# mistake: y[:, t] instead of y[np.arange(N), t]
import numpy as np


def cross_entropy_error(y, t):
    if y.ndim == 1:
        y = y.reshape(1, y.size)
        t = t.reshape(1, t.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    n = y.shape[0]
    return -np.sum(np.log(y[:, t] + 1e-7)) / n
