"""厳密な Shapley 値 / Exact Shapley values."""
from itertools import combinations
from math import factorial

import numpy as np


def shapley_exact(n, value):
    players = frozenset(np.arange(n).tolist())
    phi = np.zeros(n)
    for i in players:
        rest = sorted(players - {i})                          # N ∖ {i}
        for size in np.arange(n).tolist():                    # |S| = 0, …, n − 1 (the empty set too)
            weight = factorial(size) * factorial(n - size - 1) / factorial(n)
            for S in combinations(rest, size):
                S = frozenset(S)
                phi[i] += weight * (value(S | {i}) - value(S))  # weighted marginal contribution
    return phi
