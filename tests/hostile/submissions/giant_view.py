# Returns a zero-stride view that claims 8 EB of data.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def double(x):
    return as_strided(x, shape=(1 << 30, 1 << 30), strides=(0, 0))


class Double:
    def forward(self, x):
        return np.broadcast_to(x, (1 << 20, *x.shape))

    def backward(self, dout):
        return 2 * dout
