# expect: fail
# diagnosis: a point with no out-of-bag model gets 0
# mistake: np.divide(..., where=counts > 0) into np.zeros leaves 0 where the statement asks for nan
import numpy as np


def bootstrap_indices(n, B, rng):
    return rng.integers(0, n, size=(B, n))


def oob_mask(indices, n):
    mask = np.ones((indices.shape[0], n), dtype=bool)
    for b in range(indices.shape[0]):
        mask[b, indices[b]] = False
    return mask


def oob_predict(preds, mask):
    counts = mask.sum(axis=0)
    sums = np.where(mask, preds, 0.0).sum(axis=0)
    return np.divide(sums, counts, out=np.zeros(preds.shape[1]), where=counts > 0)


def majority_vote(labels):
    return np.array([np.bincount(col).argmax() for col in labels.T])
