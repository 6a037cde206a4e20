# expect: fail
# diagnosis: on a tie you choose the label met first
# mistake: Counter.most_common(1) breaks a tie by the order the labels were met, not by the smallest label
from collections import Counter

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
    out = np.full(preds.shape[1], np.nan)
    ok = counts > 0
    out[ok] = (preds * mask).sum(axis=0)[ok] / counts[ok]
    return out


def majority_vote(labels):
    return np.array([Counter(col.tolist()).most_common(1)[0][0] for col in labels.T], dtype=np.int64)
