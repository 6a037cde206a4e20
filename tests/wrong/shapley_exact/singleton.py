# expect: fail
# diagnosis: only the marginal contribution against the empty set
# mistake: v({i}) − v(∅) only
import numpy as np


def shapley_exact(n, value):
    empty = frozenset()
    return np.array([value(frozenset({i})) - value(empty) for i in range(n)])
