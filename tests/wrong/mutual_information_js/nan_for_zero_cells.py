# expect: fail
# diagnosis: give 0 * log(0) = nan
# mistake: no special case for zero cells in the mutual information
import numpy as np


def mutual_information(pxy):
    px = pxy.sum(axis=1, keepdims=True)
    py = pxy.sum(axis=0, keepdims=True)
    return float(np.sum(pxy * np.log(pxy / (px * py))))


def js_divergence(p, q):
    m = (p + q) / 2
    kl_p = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0) / np.where(m > 0, m, 1.0)), 0.0)
    kl_q = np.where(q > 0, q * np.log(np.where(q > 0, q, 1.0) / np.where(m > 0, m, 1.0)), 0.0)
    return (kl_p.sum(axis=1) + kl_q.sum(axis=1)) / 2
