# expect: fail
# diagnosis: test mode still applies the last training mask
# mistake: test mode reuses the last training mask and factor instead of returning x
import numpy as np


class InvertedDropout:
    def __init__(self, p=0.5):
        self.p = p
        self.mask = None

    def forward(self, x, train_flg=True, mask=None):
        if train_flg:
            self.mask = np.random.rand(*x.shape) > self.p if mask is None else mask
        return x * self.mask / (1.0 - self.p)

    def backward(self, dout):
        return dout * self.mask / (1.0 - self.p)
