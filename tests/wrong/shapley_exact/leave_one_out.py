# expect: fail
# diagnosis: only the marginal contribution against the full set
# mistake: leave-one-out, v(N) − v(N ∖ {i}), instead of the weighted mean over all subsets
import numpy as np


def shapley_exact(n, value):
    full = frozenset(range(n))
    return np.array([value(full) - value(full - {i}) for i in range(n)])
