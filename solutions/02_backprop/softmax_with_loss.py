"""Softmax-with-Loss レイヤ（ゼロから作るDeep Learning 1, 5 章）/ The Softmax-with-Loss layer (book 1)."""
import numpy as np


def softmax(x):
    """各行のソフトマックス (N, C) / row-wise softmax (N, C)."""
    shifted = x - x.max(axis=-1, keepdims=True)   # largest entry of each row becomes 0: no overflow
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    """問題 cross_entropy_error と同じ（1 冊目の形）/ as in problem cross_entropy_error (book 1 form)."""
    # x is always (N, C) here (the statement says so), so the 1-D case of book 1's function is left out
    if t.size == y.size:
        t = t.argmax(axis=1)
    n = y.shape[0]
    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        n = self.y.shape[0]
        if self.t.shape == self.y.shape:              # one-hot
            target = self.t
        else:                                         # labels (N,) -> one-hot
            target = np.zeros_like(self.y)
            target[np.arange(n), self.t] = 1.0
        return (self.y - target) / n                  # book 1: dout is not used
