# expect: fail
# diagnosis: this is the sigmoid's σ(1 − σ) shape
# mistake: tanh(x) * (1 - tanh(x)), the sigmoid pattern
import numpy as np


def d_tanh(x):
    return np.tanh(x) * (1 - np.tanh(x))
