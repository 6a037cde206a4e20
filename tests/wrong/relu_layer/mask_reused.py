# expect: fail
# diagnosis: the mask of an earlier call is reused
# mistake: forward makes self.mask only when there is none of x's shape yet, then keeps it
"""ReLU レイヤ（ゼロから作るDeep Learning 1, 5 章）/ The ReLU layer (book 1, chapter 5)."""
import numpy as np


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        if self.mask is None or self.mask.shape != x.shape:
            self.mask = x <= 0        # made once per shape
        out = x.copy()                # leave the caller's x alone
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dx = dout.copy()
        dx[self.mask] = 0             # no gradient where forward output 0
        return dx
