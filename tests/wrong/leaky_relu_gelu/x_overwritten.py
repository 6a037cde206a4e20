# expect: fail
# diagnosis: forward overwrites the x passed in
# mistake: out = x and then out[mask] *= alpha, which scales the caller's x in place
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
        out = x
        out[self.mask] *= self.alpha
        return out

    def backward(self, dout):
        dx = dout.copy()
        dx[self.mask] *= self.alpha
        return dx


class GELU:
    def __init__(self):
        self.x = None

    def forward(self, x):
        self.x = x
        return 0.5 * x * (1.0 + np.tanh(C * (x + K * x**3)))

    def backward(self, dout):
        x = self.x
        th = np.tanh(C * (x + K * x**3))
        return dout * (0.5 * (1.0 + th) + 0.5 * x * (1.0 - th**2) * C * (1.0 + 3.0 * K * x**2))
