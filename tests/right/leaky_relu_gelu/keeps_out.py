# expect: pass
"""LeakyReLU と GELU（GELU の微分を出力の一部から組み立てる形）/ LeakyReLU and GELU, another legitimate form."""
import math

import numpy as np


class LeakyRelu:
    def __init__(self, alpha=0.01):
        self.alpha = alpha
        self.slope = None

    def forward(self, x):
        self.slope = np.where(x > 0, 1.0, self.alpha)
        return self.slope * x

    def backward(self, dout):
        return self.slope * dout


class GELU:
    def __init__(self):
        self.x = None
        self.th = None

    def forward(self, x):
        self.x = x
        self.th = np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x * x * x))
        return 0.5 * x * (1.0 + self.th)

    def backward(self, dout):
        x, th = self.x, self.th
        du = math.sqrt(2.0 / math.pi) * (1.0 + 0.134145 * x * x)
        return dout * 0.5 * ((1.0 + th) + x * (1.0 - th * th) * du)
