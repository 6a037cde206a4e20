# expect: pass
# Exact loss via log-softmax (no 1e-7): differs from book 1 by ~1e-7 relative, within tolerance.
import numpy as np


def softmax(x):
    z = x - x.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    raise AssertionError("not used")


class SoftmaxWithLoss:
    def forward(self, x, t):
        n = x.shape[0]
        z = x - x.max(axis=1, keepdims=True)
        log_y = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        self.y = np.exp(log_y)
        self.t = np.eye(x.shape[1])[t] if t.ndim == 1 else t
        return float(-(self.t * log_y).sum() / n)

    def backward(self, dout=1):
        return dout * (self.y - self.t) / self.y.shape[0]
