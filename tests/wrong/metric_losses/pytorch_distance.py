# expect: fail
# diagnosis: the distances are not squared
# mistake: the triplet loss of nn.TripletMarginLoss (distances not squared), gradients written for it
import numpy as np


def contrastive_loss(x1, x2, y, margin):
    N = len(y)
    diff = x1 - x2
    d = np.sqrt(np.sum(diff**2, axis=1))
    h = np.maximum(0.0, margin - d)
    coef = (2 * y - 2 * (1 - y) * h / d) / N
    return float(np.mean(y * d**2 + (1 - y) * h**2)), coef[:, None] * diff, -coef[:, None] * diff


def triplet_loss(a, p, n, margin):
    N = a.shape[0]
    d_ap = np.linalg.norm(a - p, axis=1)
    d_an = np.linalg.norm(a - n, axis=1)
    v = d_ap - d_an + margin
    w = (v > 0)[:, None] / N
    dp = -w * (a - p) / d_ap[:, None]
    dn = w * (a - n) / d_an[:, None]
    return float(np.mean(np.maximum(0, v))), -(dp + dn), dp, dn
