# expect: fail
# diagnosis: this applies a softmax over the K classes
# mistake: a softmax over the K classes with cross entropy, as for single-label classification
"""マルチラベル分類（ソフトマックスを使う誤り）/ Multi-label classification with a softmax (wrong)."""
import numpy as np


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


class SigmoidBCELoss:
    def __init__(self):
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        z = x - x.max(axis=1, keepdims=True)
        log_y = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        self.y = np.exp(log_y)
        return -np.sum(t * log_y) / x.size

    def backward(self, dout=1.0):
        return dout * (self.y - self.t) / self.t.size
