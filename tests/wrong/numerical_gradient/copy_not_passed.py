# expect: fail
# diagnosis: or you changed a copy of x and called f with the unchanged x
# mistake: shifts a flattened copy of x but still calls f(x)
import numpy as np


def numerical_gradient(f, x):
    h = 1e-4
    flat = x.flatten()                 # a copy, not a view
    grad = np.zeros_like(flat)
    for i in range(flat.size):
        tmp_val = flat[i]
        flat[i] = tmp_val + h
        fxh1 = f(x)
        flat[i] = tmp_val - h
        fxh2 = f(x)
        flat[i] = tmp_val
        grad[i] = (fxh1 - fxh2) / (2 * h)
    return grad.reshape(x.shape)
