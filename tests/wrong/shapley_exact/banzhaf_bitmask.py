# expect: fail
# diagnosis: that is the Banzhaf value
# mistake: every subset without i weighted 1/2^(n−1), enumerated by bit masks
import numpy as np


def shapley_exact(n, value):
    phi = np.zeros(n)
    for i in range(n):
        for mask in range(2**n):
            if mask >> i & 1:
                continue
            S = frozenset(j for j in range(n) if mask >> j & 1)
            phi[i] += (value(S | {i}) - value(S)) / 2 ** (n - 1)
    return phi
