# expect: fail
# diagnosis: train and val together are not exactly all the samples
# mistake: train is every index, the fold's val samples included
import numpy as np


def stratified_kfold(y, k, rng):
    fold_of = np.empty(len(y), dtype=np.int64)
    for c in np.unique(y):
        members = np.flatnonzero(y == c)
        fold_of[members] = np.arange(len(members)) % k
    return [(np.arange(len(y)), np.flatnonzero(fold_of == i)) for i in range(k)]
