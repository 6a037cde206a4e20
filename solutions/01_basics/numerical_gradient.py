"""数値微分による勾配（中心差分, h = 1e-4）/ Numerical gradient by central differences (book 1 API)."""
import numpy as np


def numerical_gradient(f, x):
    """f の x における勾配（中心差分, h = 1e-4）/ gradient of f at x (central difference)."""
    h = 1e-4
    grad = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):     # every index tuple, whatever the ndim
        saved = x[idx]
        x[idx] = saved + h
        f_plus = f(x)
        x[idx] = saved - h
        f_minus = f(x)
        x[idx] = saved                    # restore before moving on
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad
