# expect: fail
# diagnosis: a softmax is taken over the K − 1 outputs
# mistake: treats the K − 1 outputs as one multi-class softmax instead of K − 1 sigmoids
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
        self.t = ordinal_targets(y, a.shape[1] + 1)
        e = np.exp(a - a.max(axis=1, keepdims=True))
        self.p = e / e.sum(axis=1, keepdims=True)
        bce = -(self.t * np.log(self.p) + (1.0 - self.t) * np.log(1.0 - self.p))
        return float(np.sum(bce) / a.shape[0])

    def backward(self, dout=1):
        return dout * (self.p - self.t) / self.p.shape[0]
