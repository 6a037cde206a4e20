# expect: fail
# diagnosis: PE's dtype is float32
# mistake: the book-2 habit of float32 arrays: the right values, stored in a float32 array
import numpy as np


def positional_encoding(T, d):
    pos = np.arange(T)[:, None]
    two_i = np.arange(0, d, 2)[None, :]
    angle = pos / np.power(10000.0, two_i / d)
    pe = np.zeros((T, d), dtype=np.float32)
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle)
    return pe
