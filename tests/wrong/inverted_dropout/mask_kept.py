# expect: fail
# diagnosis: the mask of an earlier call is reused
# mistake: the mask passed in replaces self.mask only when the shape changes
import numpy as np


class InvertedDropout:
    def __init__(self, p=0.5):
        self.p = p
        self.mask = None

    def forward(self, x, train_flg=True, mask=None):
        if not train_flg:
            return x
        if self.mask is None or self.mask.shape != x.shape:
            self.mask = np.random.rand(*x.shape) > self.p if mask is None else mask
        return x * self.mask / (1.0 - self.p)

    def backward(self, dout):
        return dout * self.mask / (1.0 - self.p)
