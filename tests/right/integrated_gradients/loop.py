# expect: pass
# one grad_fn call per step, N rows each, accumulated in a loop
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m):
    total = np.zeros_like(x)
    for k in range(1, m + 1):
        total += grad_fn(baseline + (k / m) * (x - baseline))
    return (x - baseline) * total / m
