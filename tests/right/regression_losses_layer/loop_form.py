# expect: pass
"""回帰の損失レイヤ: MAE と Huber 損失（要素ごとのループ）/ Regression loss layers, element by element."""
import numpy as np


class MAELoss:
    def __init__(self):
        self.r = None

    def forward(self, y, t):
        self.r = y - t
        total = 0.0
        for value in self.r.reshape(-1):
            total += abs(value)
        return total / y.shape[0]

    def backward(self, dout=1.0):
        n = self.r.shape[0]
        dy = np.zeros_like(self.r)
        for idx, value in np.ndenumerate(self.r):
            dy[idx] = dout * (1.0 if value > 0 else -1.0 if value < 0 else 0.0) / n
        return dy


class HuberLoss:
    def __init__(self, delta=1.0):
        self.delta = delta
        self.r = None

    def forward(self, y, t):
        self.r = y - t
        d = self.delta
        total = 0.0
        for value in self.r.reshape(-1):
            total += 0.5 * value * value if abs(value) <= d else d * (abs(value) - 0.5 * d)
        return total / y.shape[0]

    def backward(self, dout=1.0):
        n, d = self.r.shape[0], self.delta
        dy = np.zeros_like(self.r)
        for idx, value in np.ndenumerate(self.r):
            dy[idx] = dout * (value if abs(value) <= d else d * np.sign(value)) / n
        return dy
