# expect: fail
# mistake: sinh/cosh quotient: inf/inf = NaN for |x| > ~710
import numpy as np


def d_tanh(x):
    return (np.cosh(x)**2 - np.sinh(x)**2) / np.cosh(x)**2
