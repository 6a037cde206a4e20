# expect: fail
# diagnosis: 1 − y² is tanh' written with the OUTPUT y = tanh(x)
# mistake: 1 - x**2, the derivative taken at the output instead of the input
import numpy as np


def d_tanh(x):
    return 1 - x**2
