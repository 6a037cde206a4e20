# expect: fail
# diagnosis: the class is taken as the argmax of the outputs
# mistake: reads the class off the largest output, as for a softmax classifier
import numpy as np


def ordinal_targets(y, K):
    return (y[:, None] > np.arange(K - 1)).astype(np.float64)


def ordinal_predict(a):
    return np.argmax(a, axis=1)


class OrdinalBCELoss:
    def __init__(self):
        self.p = None
        self.t = None

    def forward(self, a, y):
        self.t = ordinal_targets(y, a.shape[1] + 1)
        self.p = 1.0 / (1.0 + np.exp(-a))
        bce = -(self.t * np.log(self.p) + (1.0 - self.t) * np.log(1.0 - self.p))
        return float(np.sum(bce) / a.shape[0])

    def backward(self, dout=1):
        return dout * (self.p - self.t) / self.p.shape[0]
