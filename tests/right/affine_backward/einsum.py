# expect: pass
# The same gradients written with einsum; keeps the original x instead of its shape.
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.dW = self.db = None

    def forward(self, x):
        self.x_orig = x
        self.x = x.reshape(len(x), -1)
        return self.x @ self.W + self.b

    def backward(self, dout):
        self.dW = np.einsum("nd,nm->dm", self.x, dout)
        self.db = np.einsum("nm->m", dout)
        return np.einsum("nm,dm->nd", dout, self.W).reshape(self.x_orig.shape)
