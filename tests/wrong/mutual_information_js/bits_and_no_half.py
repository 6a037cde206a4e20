# expect: fail
# diagnosis: you used log base 2 (bits)
# mistake: log2 in the mutual information (and the JS divergence without the 1/2)
import numpy as np


def _plogratio(a, b, log=np.log):
    out = np.zeros_like(a)
    pos = a > 0
    out[pos] = a[pos] * log(a[pos] / b[pos])
    return out


def mutual_information(pxy):
    indep = pxy.sum(axis=1, keepdims=True) * pxy.sum(axis=0, keepdims=True)
    return float(np.sum(_plogratio(pxy, indep, np.log2)))


def js_divergence(p, q):
    m = (p + q) / 2
    return np.sum(_plogratio(p, m), axis=1) + np.sum(_plogratio(q, m), axis=1)
