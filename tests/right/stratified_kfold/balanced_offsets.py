# expect: pass
# shuffles within each class and starts each class where the previous stopped (even fold sizes, like scikit-learn)
import numpy as np


def stratified_kfold(y, k, rng):
    folds = [[] for _ in range(k)]
    start = 0
    for c in np.unique(y):
        for j, i in enumerate(rng.permutation(np.flatnonzero(y == c))):
            folds[(start + j) % k].append(i)
        start += int(np.sum(y == c))
    everything = np.arange(len(y))
    return [(np.setdiff1d(everything, f), np.sort(np.array(f, dtype=np.int64))) for f in folds]
