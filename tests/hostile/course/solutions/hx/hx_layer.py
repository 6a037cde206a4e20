import numpy as np


def double(x):
    return 2 * x


class Double:
    def forward(self, x):
        return 2 * x

    def backward(self, dout):
        return 2 * dout
