"""1 クラスの AP（全点補間）と mAP / AP with all-point interpolation for one class, and the mAP."""

import numpy as np


def average_precision(scores, is_tp, n_gt):
    if n_gt == 0:
        return float("nan")  # no ground truth: AP is undefined
    order = np.argsort(-scores, kind="stable")  # decreasing score, ties in the given order
    tp = np.cumsum(is_tp[order])
    precision = tp / np.arange(1, len(order) + 1)
    recall = tp / n_gt
    envelope = np.maximum.accumulate(precision[::-1])[::-1]  # best precision at this recall or beyond
    steps = np.diff(np.concatenate(([0.0], recall)))
    return float(np.sum(steps * envelope))


def mean_ap(per_class):
    aps = [average_precision(s, t, n) for s, t, n in per_class if n > 0]
    return float(np.mean(aps))
