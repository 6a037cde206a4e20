# expect: fail
# diagnosis: the p = 0 terms give 0 * log 0
# mistake: no special case for p = 0, so 0 * log(0) = nan
import numpy as np


def entropy(p):
    return -np.sum(p * np.log(p), axis=1)
