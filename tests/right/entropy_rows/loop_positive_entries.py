# expect: pass
# a loop over rows using only the positive entries
import numpy as np


def entropy(p):
    out = np.empty(p.shape[0])
    for i, row in enumerate(p):
        q = row[row > 0]
        out[i] = -np.dot(q, np.log(q))
    return out
