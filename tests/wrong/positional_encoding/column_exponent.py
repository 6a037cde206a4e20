# expect: fail
# diagnosis: the exponent uses the column index j itself
# mistake: a loop over the columns with 10000^(j/d) for column j (odd columns should use j - 1)
import math

import numpy as np


def positional_encoding(T, d):
    pe = np.zeros((T, d))
    for pos in range(T):
        for j in range(d):
            angle = pos / 10000 ** (j / d)
            pe[pos, j] = math.sin(angle) if j % 2 == 0 else math.cos(angle)
    return pe
