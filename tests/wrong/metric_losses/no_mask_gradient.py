# expect: fail
# diagnosis: still get a gradient
# mistake: both gradients written from the formulas without the hinge's max (inactive rows get a gradient)
import numpy as np


def contrastive_loss(x1, x2, y, margin):
    N = len(y)
    diff = x1 - x2
    d = np.sqrt(np.sum(diff**2, axis=1))
    loss = np.mean(y * d**2 + (1 - y) * np.maximum(0.0, margin - d) ** 2)
    coef = (2 * y - 2 * (1 - y) * (margin - d) / d) / N
    return float(loss), coef[:, None] * diff, -coef[:, None] * diff


def triplet_loss(a, p, n, margin):
    N = a.shape[0]
    v = np.sum((a - p) ** 2, axis=1) - np.sum((a - n) ** 2, axis=1) + margin
    return float(np.mean(np.maximum(0, v))), 2 * (n - p) / N, -2 * (a - p) / N, 2 * (a - n) / N
