# expect: fail
# diagnosis: mae does not take the absolute value
# mistake: the mean of the signed errors, where positive and negative errors cancel
import numpy as np


def regression_metrics(y_true, y_pred):
    err = y_pred - y_true
    rmse = np.sqrt(np.mean(err**2, axis=0))
    mae = np.mean(err, axis=0)
    ss_tot = np.sum((y_true - y_true.mean(axis=0)) ** 2, axis=0)
    ss_res = np.sum(err**2, axis=0)
    r2 = np.where(ss_tot == 0, np.where(ss_res == 0, 1.0, 0.0), 1 - ss_res / np.where(ss_tot == 0, 1.0, ss_tot))
    if y_true.ndim == 1:
        return float(rmse), float(mae), float(r2)
    return rmse, mae, r2
