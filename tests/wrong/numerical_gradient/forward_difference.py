# expect: fail
# diagnosis: this is a one-sided difference
# mistake: forward difference (f(x+h) - f(x)) / h
import numpy as np


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        tmp_val = x[idx]
        fx = f(x)
        x[idx] = tmp_val + h
        fxh = f(x)
        x[idx] = tmp_val
        grad[idx] = (fxh - fx) / h
    return grad
