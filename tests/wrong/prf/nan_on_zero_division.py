# expect: fail
# mistake: no guard for a zero denominator: with no positive prediction precision is 0/0 = nan
import numpy as np


def prf(y_true, y_pred):
    tp = np.sum(y_true * y_pred)
    fp = np.sum((1 - y_true) * y_pred)
    fn = np.sum(y_true * (1 - y_pred))
    with np.errstate(all="ignore"):
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
    return float(precision), float(recall), float(f1)
