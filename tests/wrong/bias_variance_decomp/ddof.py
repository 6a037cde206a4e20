# expect: fail
# diagnosis: variance divides by M − 1
# mistake: the unbiased sample variance np.var(..., ddof=1) where the statement divides by M
import numpy as np


def bias_variance(preds, f_true):
    mean_pred = preds.mean(axis=0)
    return float(np.mean((mean_pred - f_true) ** 2)), float(np.mean(np.var(preds, axis=0, ddof=1)))
