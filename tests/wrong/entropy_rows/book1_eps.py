# expect: fail
# diagnosis: you added 1e-7 inside the log
# mistake: book 1's cross_entropy_error trick log(p + 1e-7): every value shifts slightly
import numpy as np


def entropy(p):
    delta = 1e-7
    return -np.sum(p * np.log(p + delta), axis=1)
