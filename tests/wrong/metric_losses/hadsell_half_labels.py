# expect: fail
# diagnosis: the labels are inverted
# mistake: the paper's labels (Y = 0 for a similar pair) kept, with the ½ dropped as asked
import numpy as np


def contrastive_loss(x1, x2, y, margin):
    N = len(y)
    diff = x1 - x2
    d = np.sqrt(np.sum(diff**2, axis=1))
    h = np.maximum(0.0, margin - d)
    loss = np.mean((1 - y) * d**2 + y * h**2)
    coef = (2 * (1 - y) - 2 * y * h / d) / N
    return loss, coef[:, None] * diff, -coef[:, None] * diff


def triplet_loss(a, p, n, margin):
    N = a.shape[0]
    v = np.sum((a - p) ** 2, axis=1) - np.sum((a - n) ** 2, axis=1) + margin
    w = (v > 0)[:, None] / N
    return np.mean(np.maximum(0, v)), 2 * w * (n - p), -2 * w * (a - p), 2 * w * (a - n)
