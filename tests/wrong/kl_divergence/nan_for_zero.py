# expect: fail
# diagnosis: the p = 0 terms give 0 * log(0/q) = nan
# mistake: no special case for p = 0
import numpy as np


def kl_divergence(p, q):
    return np.sum(p * np.log(p / q), axis=1)
