# expect: fail
# diagnosis: an array of integers 0 and 1
# mistake: a 0/1 integer mask from np.where, right values but not a bool array
import numpy as np


def magnitude_prune(W, p):
    k = int(round(p * W.size))
    a = np.abs(W)
    cut = np.sort(a, axis=None)[k] if k < W.size else np.inf
    mask = np.where(a >= cut, 1, 0)
    return W * mask, mask
