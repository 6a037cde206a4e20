# expect: fail
# diagnosis: backward uses the mask of an earlier forward
# mistake: forward's output comes from np.maximum, but self.mask is set only when there is none of x's shape yet
"""ReLU レイヤ（ゼロから作るDeep Learning 1, 5 章）/ The ReLU layer (book 1, chapter 5)."""
import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        if self.mask is None or self.mask.shape != x.shape:
            self.mask = x <= 0        # made once per shape
        return np.maximum(x, 0)

    def backward(self, dout):
        dx = dout.copy()
        dx[self.mask] = 0             # no gradient where forward output 0
        return dx
