# expect: fail
# diagnosis: you used m = p + q without dividing by 2
# mistake: the mixture m is p + q
import numpy as np


def _plogratio(a, b):
    out = np.zeros_like(a)
    pos = a > 0
    out[pos] = a[pos] * np.log(a[pos] / b[pos])
    return out


def mutual_information(pxy):
    return float(np.sum(_plogratio(pxy, np.outer(pxy.sum(axis=1), pxy.sum(axis=0)))))


def js_divergence(p, q):
    m = p + q
    return (np.sum(_plogratio(p, m), axis=1) + np.sum(_plogratio(q, m), axis=1)) / 2
