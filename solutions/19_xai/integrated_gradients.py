"""Integrated Gradients（右リーマン和） / Integrated Gradients (the right Riemann sum)."""
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m):
    N, D = x.shape
    diff = x - baseline                                          # (N, D)
    steps = np.arange(1, m + 1) / m                              # k/m for k = 1..m
    path = baseline[None] + steps[:, None, None] * diff[None]    # (m, N, D): x' + (k/m)(x − x')
    grads = grad_fn(path.reshape(m * N, D)).reshape(m, N, D)     # rows are independent
    return diff * grads.mean(axis=0)                             # (x − x') ⊙ average gradient
