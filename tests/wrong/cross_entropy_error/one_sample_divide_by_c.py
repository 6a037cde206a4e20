# expect: fail
# diagnosis: a 1-D y is a batch of one
# mistake: no reshape of a 1-D y, so y.shape[0] is the number of classes C
import numpy as np


def cross_entropy_error(y, t):
    if t.ndim == 1 and t.size != y.size:        # labels -> one-hot
        onehot = np.zeros_like(y)
        onehot[np.arange(t.size), t] = 1
        t = onehot
    batch_size = y.shape[0]
    return -np.sum(t * np.log(y + 1e-7)) / batch_size
