# np.matrix instead of ndarray.
import numpy as np


def double(x):
    return np.matrix(2 * x)


class Double:
    def forward(self, x):
        return np.asmatrix(2 * x)

    def backward(self, dout):
        return np.matrix(2 * dout)
