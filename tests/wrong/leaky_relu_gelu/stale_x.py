# expect: fail
# diagnosis: backward uses the mask or x of an earlier forward
# mistake: GELU keeps the first x of each shape
"""LeakyReLU と GELU のレイヤ / The LeakyReLU and GELU layers."""
import numpy as np

C = np.sqrt(2.0 / np.pi)
K = 0.044715


class LeakyRelu:
    def __init__(self, alpha=0.01):
        self.alpha = alpha
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        return np.where(self.mask, self.alpha * x, x)

    def backward(self, dout):
        return np.where(self.mask, self.alpha * dout, dout)


class GELU:
    def __init__(self):
        self.x = None

    def forward(self, x):
        if self.x is None or self.x.shape != x.shape:
            self.x = x  # kept once per shape
        return 0.5 * x * (1.0 + np.tanh(C * (x + K * x**3)))

    def backward(self, dout):
        x = self.x
        th = np.tanh(C * (x + K * x**3))
        return dout * (0.5 * (1.0 + th) + 0.5 * x * (1.0 - th**2) * C * (1.0 + 3.0 * K * x**2))
