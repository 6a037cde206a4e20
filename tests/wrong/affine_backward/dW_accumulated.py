# expect: fail
# diagnosis: dW and db are added up over the calls
# mistake: dW and db start at zero and backward adds each call's gradient to them
"""Affine レイヤ（ゼロから作るDeep Learning 1, 5 章）/ The Affine layer (book 1)."""
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None                 # the flattened input (N, D)
        self.original_x_shape = None
        self.dW = np.zeros_like(W)
        self.db = np.zeros_like(b)

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        # out[n, m] = Σ_d x[n, d] W[d, m] + b[m]
        self.dW += self.x.T @ dout           # Σ_n x[n, d] dout[n, m]   (D, M)
        self.db += dout.sum(axis=0)          # b is added to every row   (M,)
        dx = dout @ self.W.T                 # Σ_m dout[n, m] W[d, m]    (N, D)
        return dx.reshape(self.original_x_shape)
