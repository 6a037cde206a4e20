# expect: pass
# Never touches x: builds shifted copies and calls f on them.
import numpy as np


def numerical_gradient(f, x):
    h = 1e-4
    grad = np.empty(x.shape)
    for i in range(x.size):
        step = np.zeros(x.size)
        step[i] = h
        step = step.reshape(x.shape)
        grad.flat[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad
