# expect: fail
# diagnosis: the z passed in is overwritten
# mistake: divides z by T in place, changing the caller's array
import numpy as np


def softmax_temperature(z, T):
    z /= T
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def temperature_ce_grad(z, t, T):
    n = z.shape[0]
    y = softmax_temperature(z.copy(), T)
    y[np.arange(n), t] -= 1.0
    return y / (T * n)
