# inf results.
import numpy as np


def double(x):
    return x * np.inf


class Double:
    def forward(self, x):
        return np.full_like(x, -np.inf)

    def backward(self, dout):
        return dout * np.inf
