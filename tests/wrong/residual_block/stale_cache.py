# expect: fail
# diagnosis: backward uses what an earlier forward kept
# mistake: forward saves x and the ReLU outputs only when there are none of this shape yet
import numpy as np


class ResidualBlock:
    def __init__(self, W1, b1, W2, b2):
        self.W1, self.b1, self.W2, self.b2 = W1, b1, W2, b2
        self.x = self.a1 = self.out = None
        self.dW1 = self.db1 = self.dW2 = self.db2 = None

    def forward(self, x):
        a1 = np.maximum(x @ self.W1 + self.b1, 0)
        out = np.maximum(x + a1 @ self.W2 + self.b2, 0)
        if self.x is None or self.x.shape != x.shape:  # cached once per shape
            self.x, self.a1, self.out = x, a1, out
        return out

    def backward(self, dout):
        ds = dout * (self.out > 0)
        self.dW2 = self.a1.T @ ds
        self.db2 = ds.sum(axis=0)
        dh1 = (ds @ self.W2.T) * (self.a1 > 0)
        self.dW1 = self.x.T @ dh1
        self.db1 = dh1.sum(axis=0)
        return dh1 @ self.W1.T + ds
