# expect: fail
# diagnosis: the leftover samples are in no fold's val
# mistake: n_c // k samples of each class per fold, the remainder never dealt
import numpy as np


def stratified_kfold(y, k, rng):
    vals = [[] for _ in range(k)]
    for c in np.unique(y):
        members = np.flatnonzero(y == c)
        size = len(members) // k
        for i in range(k):
            vals[i].extend(members[i * size : (i + 1) * size])
    idx = np.arange(len(y))
    return [(np.setdiff1d(idx, v), np.array(v, dtype=np.int64)) for v in vals]
