"""距離学習の contrastive loss と triplet loss、その勾配 / Contrastive and triplet losses with their gradients."""

import numpy as np


def contrastive_loss(x1, x2, y, margin):
    N = x1.shape[0]
    diff = x1 - x2  # (N, D)
    d = np.sqrt(np.sum(diff**2, axis=1))  # Euclidean distance per pair, (N,)
    hinge = np.maximum(0.0, margin - d)  # 0 for dissimilar pairs already farther than the margin
    loss = np.sum(y * d**2 + (1 - y) * hinge**2) / N
    # d(d²)/dx1 = 2 diff; d(hinge²)/dx1 = −2 hinge · diff / d (and 0 where the hinge is inactive)
    coef = (2 * y - 2 * (1 - y) * hinge / d) / N
    dx1 = coef[:, None] * diff
    dx2 = -dx1
    return float(loss), dx1, dx2


def triplet_loss(a, p, n, margin):
    N = a.shape[0]
    d_ap = np.sum((a - p) ** 2, axis=1)  # squared distances, as in FaceNet
    d_an = np.sum((a - n) ** 2, axis=1)
    value = d_ap - d_an + margin
    active = (value > 0).astype(a.dtype)  # the hinge passes a gradient only where it is active
    loss = np.sum(np.maximum(0.0, value)) / N
    w = active[:, None] / N
    dp = -2 * w * (a - p)
    dn = 2 * w * (a - n)
    da = -(dp + dn)  # 2 w ((a − p) − (a − n))
    return float(loss), da, dp, dn
