# expect: fail
# diagnosis: that is the mean squared error
# mistake: the variance measured around the true values f instead of the average prediction
import numpy as np


def bias_variance(preds, f_true):
    mean_pred = preds.mean(axis=0)
    return float(np.mean((mean_pred - f_true) ** 2)), float(np.mean((preds - f_true) ** 2))
