# expect: fail
# diagnosis: the W passed in was modified
# mistake: zeroes the weights of W itself and returns W
import numpy as np


def magnitude_prune(W, p):
    k = int(round(p * W.size))
    flat = W.reshape(-1)            # a view: writing into it changes W
    idx = np.argsort(np.abs(flat))[:k]
    flat[idx] = 0.0
    return W, W != 0
