# expect: fail
# diagnosis: a class with no detections is left out of the mean
# mistake: mean_ap drops the classes that have ground truth but no detections
import numpy as np


def average_precision(scores, is_tp, n_gt):
    if n_gt == 0:
        return float("nan")
    order = np.argsort(-scores, kind="stable")
    tp = np.cumsum(is_tp[order])
    precision = tp / np.arange(1, len(order) + 1)
    recall = tp / n_gt
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    return float(np.sum(np.diff(np.concatenate(([0.0], recall))) * envelope))


def mean_ap(per_class):
    return float(np.mean([average_precision(s, t, n) for s, t, n in per_class if n > 0 and len(s) > 0]))
