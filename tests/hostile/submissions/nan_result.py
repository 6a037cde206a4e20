# NaN results.
import numpy as np


def double(x):
    return x * np.nan


class Double:
    def forward(self, x):
        return np.full_like(x, np.nan)

    def backward(self, dout):
        return dout * np.nan
