# expect: fail
# diagnosis: a home-made tanh
# mistake: tanh written as (e^x - e^-x)/(e^x + e^-x): inf/inf = NaN for |x| > ~710
import numpy as np


def d_tanh(x):
    t = (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
    return 1 - t**2
