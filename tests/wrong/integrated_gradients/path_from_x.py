# expect: fail
# diagnosis: that is the left Riemann sum
# mistake: the path walks from x towards the baseline, k = 1..m, so it never evaluates at x itself
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m):
    total = np.zeros_like(x)
    for k in range(1, m + 1):
        total += grad_fn(x + (k / m) * (baseline - x))
    return (x - baseline) * total / m
