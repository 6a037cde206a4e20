# expect: pass
# (1 - t)(1 + t)
import numpy as np


def d_tanh(x):
    return (1 - np.tanh(x)) * (1 + np.tanh(x))
