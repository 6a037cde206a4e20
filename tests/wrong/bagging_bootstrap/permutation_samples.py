# expect: fail
# diagnosis: rng.permutation shuffles without repeats
# mistake: each "bootstrap sample" is a permutation, i.e. sampling without replacement
import numpy as np


def bootstrap_indices(n, B, rng):
    return np.stack([rng.permutation(n) for _ in range(B)])


def oob_mask(indices, n):
    mask = np.ones((indices.shape[0], n), dtype=bool)
    for b in range(indices.shape[0]):
        mask[b, indices[b]] = False
    return mask


def oob_predict(preds, mask):
    counts = mask.sum(axis=0)
    out = np.full(preds.shape[1], np.nan)
    ok = counts > 0
    out[ok] = (preds * mask).sum(axis=0)[ok] / counts[ok]
    return out


def majority_vote(labels):
    return np.array([np.bincount(col).argmax() for col in labels.T])
