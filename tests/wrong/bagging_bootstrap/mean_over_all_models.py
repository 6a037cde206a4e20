# expect: fail
# diagnosis: you average all models, ignoring mask
# mistake: the out-of-bag prediction averages every model, including those trained on the point
import numpy as np


def bootstrap_indices(n, B, rng):
    return rng.integers(0, n, size=(B, n))


def oob_mask(indices, n):
    mask = np.ones((indices.shape[0], n), dtype=bool)
    for b in range(indices.shape[0]):
        mask[b, indices[b]] = False
    return mask


def oob_predict(preds, mask):
    return preds.mean(axis=0)


def majority_vote(labels):
    return np.array([np.bincount(col).argmax() for col in labels.T])
