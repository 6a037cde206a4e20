# expect: fail
# diagnosis: are added up over the calls
# mistake: the parameter gradients start at zero once and every backward adds to them
import numpy as np


class ResidualBlock:
    def __init__(self, W1, b1, W2, b2):
        self.W1, self.b1, self.W2, self.b2 = W1, b1, W2, b2
        self.dW1, self.db1 = np.zeros_like(W1), np.zeros_like(b1)
        self.dW2, self.db2 = np.zeros_like(W2), np.zeros_like(b2)

    def forward(self, x):
        self.x = x
        self.h1 = x @ self.W1 + self.b1
        self.s = x + np.maximum(self.h1, 0) @ self.W2 + self.b2
        return np.maximum(self.s, 0)

    def backward(self, dout):
        ds = np.where(self.s > 0, dout, 0.0)
        a1 = np.maximum(self.h1, 0)
        self.dW2 += a1.T @ ds
        self.db2 += ds.sum(axis=0)
        dh1 = np.where(self.h1 > 0, ds @ self.W2.T, 0.0)
        self.dW1 += self.x.T @ dh1
        self.db1 += dh1.sum(axis=0)
        return dh1 @ self.W1.T + ds
