# expect: fail
# diagnosis: the skip connection is missing
# mistake: a plain two-layer block: neither forward nor backward has the skip connection
import numpy as np


class ResidualBlock:
    def __init__(self, W1, b1, W2, b2):
        self.W1, self.b1, self.W2, self.b2 = W1, b1, W2, b2

    def forward(self, x):
        self.x = x
        self.a1 = np.maximum(x @ self.W1 + self.b1, 0)
        self.out = np.maximum(self.a1 @ self.W2 + self.b2, 0)
        return self.out

    def backward(self, dout):
        ds = dout * (self.out > 0)
        self.dW2 = self.a1.T @ ds
        self.db2 = ds.sum(axis=0)
        dh1 = (ds @ self.W2.T) * (self.a1 > 0)
        self.dW1 = self.x.T @ dh1
        self.db1 = dh1.sum(axis=0)
        return dh1 @ self.W1.T
