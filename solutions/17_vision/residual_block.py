"""全結合の残差ブロック（ResNet の skip connection、1 巻のレイヤの形）/ A fully connected residual block."""

import numpy as np


class ResidualBlock:
    def __init__(self, W1, b1, W2, b2):
        self.W1, self.b1, self.W2, self.b2 = W1, b1, W2, b2
        self.dW1 = self.db1 = self.dW2 = self.db2 = None

    def forward(self, x):
        self.x = x
        self.a1 = np.maximum(x @ self.W1 + self.b1, 0)  # ReLU(Affine1(x)): (N, H)
        f = self.a1 @ self.W2 + self.b2  # the residual F(x): (N, D)
        self.out = np.maximum(x + f, 0)  # ReLU of the sum
        return self.out

    def backward(self, dout):
        ds = dout * (self.out > 0)  # through the ReLU after the sum: ∂L/∂(x + F(x))
        self.dW2 = self.a1.T @ ds
        self.db2 = ds.sum(axis=0)
        dh1 = (ds @ self.W2.T) * (self.a1 > 0)  # through Affine2 and the inner ReLU
        self.dW1 = self.x.T @ dh1
        self.db1 = dh1.sum(axis=0)
        return dh1 @ self.W1.T + ds  # the residual path plus the skip path
