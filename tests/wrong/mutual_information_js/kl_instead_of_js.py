# expect: fail
# diagnosis: that is KL(p‖q)
# mistake: returns KL(p‖q) instead of comparing both with the mean m
import numpy as np


def _plogratio(a, b):
    out = np.zeros_like(a)
    pos = a > 0
    with np.errstate(divide="ignore"):
        out[pos] = a[pos] * np.log(a[pos] / b[pos])
    return out


def mutual_information(pxy):
    return float(np.sum(_plogratio(pxy, pxy.sum(axis=1, keepdims=True) * pxy.sum(axis=0, keepdims=True))))


def js_divergence(p, q):
    return np.sum(_plogratio(p, q), axis=1)
