"""層化 k-分割交差検証の分割 / The splits of stratified k-fold cross-validation."""
import numpy as np


def stratified_kfold(y, k, rng):
    """y: (N,) integer class labels, k: number of folds, rng: np.random.Generator -> list of k (train, val) pairs."""
    fold_of = np.empty(len(y), dtype=np.int64)
    for c in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == c))
        fold_of[members] = np.arange(len(members)) % k  # deal the class's samples round the folds
    return [(np.flatnonzero(fold_of != i), np.flatnonzero(fold_of == i)) for i in range(k)]
