# expect: fail
# diagnosis: only the gradient at x is used
# mistake: gradient × (input − baseline) at x alone, no path
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m):
    return (x - baseline) * grad_fn(x)
