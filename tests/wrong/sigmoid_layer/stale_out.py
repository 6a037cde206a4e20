# expect: fail
# diagnosis: backward uses the self.out of an earlier forward
# mistake: self.out is saved only when there is none of this shape yet
"""Sigmoid レイヤ（ゼロから作るDeep Learning 1, 5 章）/ The Sigmoid layer (book 1, chapter 5)."""
import numpy as np


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1.0 / (1.0 + np.exp(-x))
        if self.out is None or self.out.shape != out.shape:
            self.out = out            # saved once per shape
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx
