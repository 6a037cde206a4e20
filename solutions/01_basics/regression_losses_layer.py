"""回帰の損失レイヤ: MAE と Huber 損失 / Regression loss layers: the MAE and the Huber loss."""
import numpy as np


class MAELoss:
    def __init__(self):
        self.r = None   # 直前の forward の残差 y − t / the residual y − t of the latest forward

    def forward(self, y, t):
        self.r = y - t
        return np.sum(np.abs(self.r)) / y.shape[0]

    def backward(self, dout=1.0):
        return dout * np.sign(self.r) / self.r.shape[0]


class HuberLoss:
    def __init__(self, delta=1.0):
        self.delta = delta
        self.r = None   # 直前の forward の残差 y − t / the residual y − t of the latest forward

    def forward(self, y, t):
        self.r = y - t
        a = np.abs(self.r)
        per_element = np.where(a <= self.delta, 0.5 * self.r**2, self.delta * (a - 0.5 * self.delta))
        return np.sum(per_element) / y.shape[0]

    def backward(self, dout=1.0):
        # r inside |r| <= delta, delta * sign(r) outside: the residual clipped to [−delta, delta]
        return dout * np.clip(self.r, -self.delta, self.delta) / self.r.shape[0]
