# expect: fail
# diagnosis: delta = 1e-7 is missing inside the log
# mistake: no 1e-7 inside the log (log(0) = -inf when the correct class has probability 0)
import numpy as np


def cross_entropy_error(y, t):
    if y.ndim == 1:
        y = y.reshape(1, y.size)
        t = t.reshape(1, t.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    n = y.shape[0]
    return -np.sum(np.log(y[np.arange(n), t])) / n
