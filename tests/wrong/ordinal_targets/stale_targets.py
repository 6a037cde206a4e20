# expect: fail
# diagnosis: backward uses σ(a) or the targets of an earlier forward
# mistake: makes the targets only once per shape, so a new batch of the same size keeps the old ones
import numpy as np


def ordinal_targets(y, K):
    return (y[:, None] > np.arange(K - 1)).astype(np.float64)


def ordinal_predict(a):
    return np.sum(a > 0.0, axis=1)


class OrdinalBCELoss:
    def __init__(self):
        self.p = None
        self.t = None

    def forward(self, a, y):
        if self.p is None or self.p.shape != a.shape:
            self.t = ordinal_targets(y, a.shape[1] + 1)
            self.p = 1.0 / (1.0 + np.exp(-a))
        p = 1.0 / (1.0 + np.exp(-a))
        t = ordinal_targets(y, a.shape[1] + 1)
        bce = -(t * np.log(p) + (1.0 - t) * np.log(1.0 - p))
        return float(np.sum(bce) / a.shape[0])

    def backward(self, dout=1):
        return dout * (self.p - self.t) / self.p.shape[0]
