# Integer results.
import numpy as np


def double(x):
    return (2 * x).astype(np.int64)


class Double:
    def forward(self, x):
        return (2 * x).astype(np.int32)

    def backward(self, dout):
        return (2 * dout).astype(int)
