# expect: fail
# diagnosis: this is the exact GELU x·Φ(x) with erf
# mistake: the exact GELU with math.erf instead of the tanh approximation the statement asks for
"""LeakyReLU と GELU のレイヤ / The LeakyReLU and GELU layers."""
import math

import numpy as np

ERF = np.vectorize(math.erf)


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
        self.x = x
        return x * 0.5 * (1.0 + ERF(x / math.sqrt(2.0)))

    def backward(self, dout):
        x = self.x
        cdf = 0.5 * (1.0 + ERF(x / math.sqrt(2.0)))
        pdf = np.exp(-0.5 * x**2) / math.sqrt(2.0 * math.pi)
        return dout * (cdf + x * pdf)
