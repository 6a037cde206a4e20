# expect: pass
# the average of marginal contributions over all n! orderings
from itertools import permutations
from math import factorial

import numpy as np


def shapley_exact(n, value):
    phi = np.zeros(n)
    for order in permutations(range(n)):
        S = frozenset()
        for i in order:
            phi[i] += value(S | {i}) - value(S)
            S = S | {i}
    return phi / factorial(n)
