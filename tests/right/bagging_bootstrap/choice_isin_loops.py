# expect: pass
# form: rng.choice for the draw, np.isin for the mask, loops over points and columns
import numpy as np


def bootstrap_indices(n, B, rng):
    return rng.choice(n, size=(B, n))


def oob_mask(indices, n):
    return np.stack([~np.isin(np.arange(n), row) for row in indices])


def oob_predict(preds, mask):
    out = np.empty(preds.shape[1])
    for i in range(preds.shape[1]):
        chosen = preds[mask[:, i], i]
        out[i] = chosen.mean() if chosen.size else np.nan
    return out


def majority_vote(labels):
    out = np.empty(labels.shape[1], dtype=np.int64)
    for m in range(labels.shape[1]):
        values, counts = np.unique(labels[:, m], return_counts=True)
        out[m] = values[np.argmax(counts)]
    return out
