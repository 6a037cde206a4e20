"""LeakyReLU と GELU のレイヤ / The LeakyReLU and GELU layers."""
import numpy as np

C = np.sqrt(2.0 / np.pi)   # √(2/π)
K = 0.044715


class LeakyRelu:
    def __init__(self, alpha=0.01):
        self.alpha = alpha
        self.mask = None   # x <= 0 の要素 / the elements with x <= 0

    def forward(self, x):
        self.mask = x <= 0
        return np.where(self.mask, self.alpha * x, x)

    def backward(self, dout):
        return np.where(self.mask, self.alpha * dout, dout)


class GELU:
    def __init__(self):
        self.x = None

    def forward(self, x):
        self.x = x
        return 0.5 * x * (1.0 + np.tanh(C * (x + K * x**3)))

    def backward(self, dout):
        x = self.x
        th = np.tanh(C * (x + K * x**3))
        du_dx = C * (1.0 + 3.0 * K * x**2)
        return dout * (0.5 * (1.0 + th) + 0.5 * x * (1.0 - th**2) * du_dx)
