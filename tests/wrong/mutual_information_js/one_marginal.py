# expect: fail
# diagnosis: you divided p(x, y) by p(x) only
# mistake: conditional p(y|x) instead of p(x, y) / (p(x) p(y))
import numpy as np


def _plogratio(a, b):
    out = np.zeros_like(a)
    pos = a > 0
    out[pos] = a[pos] * np.log(a[pos] / b[pos])
    return out


def mutual_information(pxy):
    px = np.broadcast_to(pxy.sum(axis=1, keepdims=True), pxy.shape)
    return float(np.sum(_plogratio(pxy, px)))


def js_divergence(p, q):
    m = (p + q) / 2
    return (np.sum(_plogratio(p, m), axis=1) + np.sum(_plogratio(q, m), axis=1)) / 2
