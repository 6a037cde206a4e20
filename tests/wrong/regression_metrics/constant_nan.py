# expect: fail
# diagnosis: a column with constant y_true divides by 0
# mistake: no special case for a constant target column (0/0 or x/0 in R²)
import numpy as np


def regression_metrics(y_true, y_pred):
    err = y_pred - y_true
    rmse = np.sqrt(np.mean(err**2, axis=0))
    mae = np.mean(np.abs(err), axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        r2 = 1 - np.sum(err**2, axis=0) / np.sum((y_true - y_true.mean(axis=0)) ** 2, axis=0)
    if y_true.ndim == 1:
        return float(rmse), float(mae), float(r2)
    return rmse, mae, r2
