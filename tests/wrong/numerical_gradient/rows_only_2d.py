# expect: fail
# mistake: handles 1-D and 2-D only (loops over rows of a matrix); on a 3-D x it goes wrong
import numpy as np


def _grad_1d(f, x_full, row):
    h = 1e-4
    grad = np.zeros_like(row)
    for i in range(row.size):
        tmp_val = row[i]
        row[i] = tmp_val + h
        fxh1 = f(x_full)
        row[i] = tmp_val - h
        fxh2 = f(x_full)
        row[i] = tmp_val
        grad[i] = (fxh1 - fxh2) / (2 * h)
    return grad


def numerical_gradient(f, x):
    if x.ndim == 1:
        return _grad_1d(f, x, x)
    grad = np.zeros_like(x)
    for r in range(x.shape[0]):
        grad[r] = _grad_1d(f, x, x[r])      # x[r] is a view, so f(x) sees the change
    return grad
