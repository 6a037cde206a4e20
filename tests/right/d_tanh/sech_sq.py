# expect: pass
# 1/cosh^2: overflows to inf inside for |x| > ~710, and 1/inf = 0 is right
import numpy as np


def d_tanh(x):
    return 1 / np.cosh(x)**2
