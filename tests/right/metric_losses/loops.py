# expect: pass
# one pair or triplet at a time, with boolean branches for the hinge
import numpy as np


def contrastive_loss(x1, x2, y, margin):
    N = len(y)
    loss = 0.0
    dx1 = np.zeros_like(x1)
    for i in range(N):
        diff = x1[i] - x2[i]
        d = np.linalg.norm(diff)
        if y[i] == 1.0:
            loss += d * d
            dx1[i] = 2 * diff
        elif d < margin:
            loss += (margin - d) ** 2
            dx1[i] = -2 * (margin - d) * diff / d
    return loss / N, dx1 / N, -dx1 / N


def triplet_loss(a, p, n, margin):
    N = a.shape[0]
    loss = 0.0
    da, dp, dn = np.zeros_like(a), np.zeros_like(p), np.zeros_like(n)
    for i in range(N):
        v = np.dot(a[i] - p[i], a[i] - p[i]) - np.dot(a[i] - n[i], a[i] - n[i]) + margin
        if v > 0:
            loss += v
            da[i] = 2 * (n[i] - p[i])
            dp[i] = -2 * (a[i] - p[i])
            dn[i] = 2 * (a[i] - n[i])
    return loss / N, da / N, dp / N, dn / N
