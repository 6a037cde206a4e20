# Object arrays.
import numpy as np


def double(x):
    return (2 * x).astype(object)


class Double:
    def forward(self, x):
        return np.array([object()] * x.size, dtype=object).reshape(x.shape)

    def backward(self, dout):
        return (2 * dout).astype(object)
