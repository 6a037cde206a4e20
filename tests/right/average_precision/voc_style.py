# expect: pass
# form: the VOC2010 devkit's shape: recall padded with 0 and 1, precision with 0 at both ends, the envelope
# by a backward loop, the area summed where the recall changes
import numpy as np


def average_precision(scores, is_tp, n_gt):
    if n_gt == 0:
        return float("nan")
    order = sorted(range(len(scores)), key=lambda k: -scores[k])
    tp = fp = 0
    rec, prec = [], []
    for k in order:
        if is_tp[k]:
            tp += 1
        else:
            fp += 1
        rec.append(tp / n_gt)
        prec.append(tp / (tp + fp))
    mrec = [0.0] + rec + [1.0]
    mpre = [0.0] + prec + [0.0]
    for i in range(len(mpre) - 2, -1, -1):
        mpre[i] = max(mpre[i], mpre[i + 1])
    return sum((mrec[i + 1] - mrec[i]) * mpre[i + 1] for i in range(len(mrec) - 1) if mrec[i + 1] != mrec[i])


def mean_ap(per_class):
    aps = [average_precision(*c) for c in per_class if c[2] > 0]
    return sum(aps) / len(aps)
