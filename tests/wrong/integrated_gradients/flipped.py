# expect: fail
# diagnosis: the sign is flipped
# mistake: (baseline − x) as the factor
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m):
    grads = [grad_fn(baseline + (k / m) * (x - baseline)) for k in range(1, m + 1)]
    return (baseline - x) * np.mean(grads, axis=0)
