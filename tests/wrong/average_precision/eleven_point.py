# expect: fail
# diagnosis: that is the 11-point interpolation
# mistake: the VOC2007 11-point interpolated AP instead of the all-point one
import numpy as np


def average_precision(scores, is_tp, n_gt):
    if n_gt == 0:
        return float("nan")
    order = np.argsort(-scores, kind="stable")
    tp = np.cumsum(is_tp[order])
    precision = tp / np.arange(1, len(order) + 1)
    recall = tp / n_gt
    ap = 0.0
    for t in np.arange(0.0, 1.1, 0.1):
        p = precision[recall >= t]
        ap += (p.max() if p.size else 0.0) / 11
    return ap


def mean_ap(per_class):
    return float(np.mean([average_precision(*c) for c in per_class if c[2] > 0]))
