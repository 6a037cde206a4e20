# expect: fail
# diagnosis: bias2 averages the per-point offsets
# mistake: (mean of the offsets)², so offsets of opposite signs cancel
import numpy as np


def bias_variance(preds, f_true):
    mean_pred = preds.mean(axis=0)
    return float(np.mean(mean_pred - f_true) ** 2), float(np.mean(preds.var(axis=0)))
