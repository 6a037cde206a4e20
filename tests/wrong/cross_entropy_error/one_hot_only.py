# expect: fail
# mistake: only the one-hot form works; labels (N,) broadcast against (N, C) and raise
import numpy as np


def cross_entropy_error(y, t):
    if y.ndim == 1:
        y = y.reshape(1, y.size)
        t = t.reshape(1, t.size)
    return -np.sum(t * np.log(y + 1e-7)) / y.shape[0]
