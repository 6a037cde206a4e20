# expect: fail
# diagnosis: 4, not 2
# mistake: 2 / (e^x + e^-x)^2
import numpy as np


def d_tanh(x):
    return 2 / (np.exp(x) + np.exp(-x))**2
