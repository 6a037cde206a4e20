# expect: pass
# MI as H(X) + H(Y) − H(X, Y), JS as H(m) − (H(p) + H(q))/2, with Python loops
import math

import numpy as np


def _entropy(values):
    return -sum(v * math.log(v) for v in values if v > 0)


def mutual_information(pxy):
    rows, cols = pxy.shape
    px = [sum(pxy[i, j] for j in range(cols)) for i in range(rows)]
    py = [sum(pxy[i, j] for i in range(rows)) for j in range(cols)]
    return _entropy(px) + _entropy(py) - _entropy(pxy.ravel())


def js_divergence(p, q):
    out = np.empty(p.shape[0])
    for n in range(p.shape[0]):
        m = (p[n] + q[n]) / 2
        out[n] = _entropy(m) - (_entropy(p[n]) + _entropy(q[n])) / 2
    return out
