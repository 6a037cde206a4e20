# expect: pass
# np.argpartition instead of a full sort
import numpy as np


def magnitude_prune(W, p):
    k = int(round(p * W.size))
    mask = np.ones(W.shape, dtype=bool)
    if k > 0:
        idx = np.argpartition(np.abs(W).ravel(), k - 1)[:k]
        mask.ravel()[idx] = False
    return np.where(mask, W, 0.0), mask
