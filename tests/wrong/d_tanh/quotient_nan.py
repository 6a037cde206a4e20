# expect: fail
# diagnosis: inf/inf or inf − inf is NaN
# mistake: (cosh² − sinh²)/cosh²: inf − inf = NaN for |x| > ~355
import numpy as np


def d_tanh(x):
    return (np.cosh(x)**2 - np.sinh(x)**2) / np.cosh(x)**2
