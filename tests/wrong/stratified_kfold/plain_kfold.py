# expect: fail
# diagnosis: the folds do not keep the class ratio
# mistake: np.array_split of the stored order: a plain k-fold without stratification or shuffling
import numpy as np


def stratified_kfold(y, k, rng):
    idx = np.arange(len(y))
    return [(np.setdiff1d(idx, val), val) for val in np.array_split(idx, k)]
