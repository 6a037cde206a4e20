# expect: pass
# The one-hot formula -Σ t log(y + δ) / N, turning labels into one-hot first.
import numpy as np


def cross_entropy_error(y, t):
    y = np.atleast_2d(y)
    if t.ndim == 1 and t.size == y.shape[0] and t.size != y.size:   # labels (N,)
        onehot = np.zeros_like(y)
        onehot[np.arange(t.size), t] = 1.0
        t = onehot
    t = t.reshape(y.shape)
    return float(-(t * np.log(y + 1e-7)).sum() / y.shape[0])
