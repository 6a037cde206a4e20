# expect: fail
# diagnosis: the gradient is all zeros
# mistake: h = 1e-50 vanishes in float64 (x + h == x)
import numpy as np


def numerical_gradient(f, x):
    h = 1e-50
    grad = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        tmp_val = x[idx]
        x[idx] = tmp_val + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        x[idx] = tmp_val
        grad[idx] = (fxh1 - fxh2) / (2 * h)
    return grad
