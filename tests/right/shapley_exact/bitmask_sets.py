# expect: pass
# subsets as bit masks, passed to value() as plain sets built per call
from math import factorial

import numpy as np


def shapley_exact(n, value):
    phi = np.zeros(n)
    for i in range(n):
        for mask in range(2**n):
            if mask & (1 << i):
                continue
            S = frozenset(j for j in range(n) if mask & (1 << j))
            w = factorial(len(S)) * factorial(n - len(S) - 1) / factorial(n)
            phi[i] += w * (value(S | {i}) - value(S))
    return phi
