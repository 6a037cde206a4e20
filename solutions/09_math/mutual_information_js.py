"""相互情報量と JS ダイバージェンス（自然対数）/ Mutual information and the JS divergence (natural log)."""
import numpy as np


def mutual_information(pxy):
    # rows are X, columns are Y: p(x) sums each row, p(y) each column
    independent = np.outer(pxy.sum(axis=1), pxy.sum(axis=0))   # p(x) p(y), (I, J)
    return float(np.sum(_plogratio(pxy, independent)))


def js_divergence(p, q):
    m = (p + q) / 2
    return (np.sum(_plogratio(p, m), axis=1) + np.sum(_plogratio(q, m), axis=1)) / 2


def _plogratio(a, b):
    # a log(a / b) elementwise, 0 where a = 0 (b > 0 wherever a > 0)
    out = np.zeros_like(a)
    pos = a > 0
    out[pos] = a[pos] * np.log(a[pos] / b[pos])
    return out
