# expect: fail
# diagnosis: you pruned the largest |w|
# mistake: sorts in descending order and prunes the first k
import numpy as np


def magnitude_prune(W, p):
    k = int(round(p * W.size))
    order = np.argsort(-np.abs(W).ravel())
    mask = np.ones(W.size, dtype=bool)
    mask[order[:k]] = False
    mask = mask.reshape(W.shape)
    return W * mask, mask
