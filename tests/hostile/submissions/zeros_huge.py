# A 32 GiB array.
import numpy as np


def double(x):
    return np.zeros((1 << 16, 1 << 16))


class Double:
    def forward(self, x):
        return np.zeros((1 << 16, 1 << 16)) + 2 * x[0, 0]

    def backward(self, dout):
        return np.zeros((1 << 16, 1 << 16))
