# expect: pass
# KL(p||q) = H(p, q) - H(p), with 0 log 0 = 0 in H(p)
import numpy as np


def kl_divergence(p, q):
    cross = -np.sum(p * np.log(q), axis=1)
    plogp = np.zeros_like(p)
    mask = p > 0
    plogp[mask] = p[mask] * np.log(p[mask])
    return cross + np.sum(plogp, axis=1)
