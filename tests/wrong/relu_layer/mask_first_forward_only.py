# expect: fail
# mistake: self.mask is made by the first forward only (a later batch of another size breaks backward)
"""ReLU レイヤ（ゼロから作るDeep Learning 1, 5 章）/ The ReLU layer (book 1, chapter 5)."""
import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        if self.mask is None:
            self.mask = x <= 0        # made once
        out = x.copy()                # leave the caller's x alone
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dx = dout.copy()
        dx[self.mask] = 0             # no gradient where forward output 0
        return dx
