# expect: fail
# diagnosis: the square is missing
# mistake: 1 - tanh(x)
import numpy as np


def d_tanh(x):
    return 1 - np.tanh(x)
