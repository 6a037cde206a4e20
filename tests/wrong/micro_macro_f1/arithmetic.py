# expect: fail
# diagnosis: the per-class F1 is the arithmetic mean
# mistake: F1 as (precision + recall) / 2 instead of the harmonic mean
import numpy as np


def f1_scores(y_true, y_pred, K):
    f1 = np.zeros(K)
    for k in range(K):
        tp = np.sum((y_true == k) & (y_pred == k))
        fp = np.sum((y_true != k) & (y_pred == k))
        fn = np.sum((y_true == k) & (y_pred != k))
        p = tp / (tp + fp) if tp + fp > 0 else 0.0
        r = tp / (tp + fn) if tp + fn > 0 else 0.0
        f1[k] = (p + r) / 2
    return f1, float(np.mean(f1)), float(np.mean(y_true == y_pred))
