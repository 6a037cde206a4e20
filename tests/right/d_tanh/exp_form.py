# expect: pass
# 4/(e^x + e^-x)^2: exp overflows to inf for |x| > ~709, and 4/inf = 0 is right
import numpy as np


def d_tanh(x):
    return 4 / (np.exp(x) + np.exp(-x))**2
