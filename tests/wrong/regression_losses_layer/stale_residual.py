# expect: fail
# diagnosis: backward uses the residual of an earlier forward
# mistake: self.r is saved only when there is none of this shape yet
"""回帰の損失レイヤ: MAE と Huber 損失 / Regression loss layers: the MAE and the Huber loss."""
import numpy as np


class MAELoss:
    def __init__(self):
        self.r = None

    def forward(self, y, t):
        r = y - t
        if self.r is None or self.r.shape != r.shape:
            self.r = r                    # kept once per shape
        return np.sum(np.abs(r)) / y.shape[0]

    def backward(self, dout=1.0):
        return dout * np.sign(self.r) / self.r.shape[0]


class HuberLoss:
    def __init__(self, delta=1.0):
        self.delta = delta
        self.r = None

    def forward(self, y, t):
        r = y - t
        if self.r is None or self.r.shape != r.shape:
            self.r = r                    # kept once per shape
        a = np.abs(r)
        per_element = np.where(a <= self.delta, 0.5 * r**2, self.delta * (a - 0.5 * self.delta))
        return np.sum(per_element) / y.shape[0]

    def backward(self, dout=1.0):
        return dout * np.clip(self.r, -self.delta, self.delta) / self.r.shape[0]
