"""マルチラベル分類: シグモイドと二値交差エントロピー / Multi-label classification: sigmoid with binary cross entropy."""
import numpy as np


def sigmoid(x):
    e = np.exp(-np.abs(x))                        # never overflows
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


class SigmoidBCELoss:
    def __init__(self):
        self.y = None   # σ(x)
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = sigmoid(x)
        # −[t log σ(x) + (1 − t) log(1 − σ(x))] = max(x, 0) − x t + log(1 + exp(−|x|))
        per_element = np.maximum(x, 0.0) - x * t + np.log1p(np.exp(-np.abs(x)))
        return np.sum(per_element) / x.size

    def backward(self, dout=1.0):
        return dout * (self.y - self.t) / self.t.size
