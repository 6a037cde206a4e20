# expect: fail
# diagnosis: an array of 0.0 and 1.0 floats
# mistake: the mask built with np.ones(W.size) (float64 0/1), right values but not the bool array asked for
import numpy as np


def magnitude_prune(W, p):
    k = int(round(p * W.size))
    order = np.argsort(np.abs(W), axis=None)
    mask = np.ones(W.size)
    mask[order[:k]] = 0.0
    mask = mask.reshape(W.shape)
    return W * mask, mask
