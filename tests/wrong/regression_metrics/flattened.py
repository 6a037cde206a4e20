# expect: fail
# diagnosis: you reduced every element to a single value
# mistake: no axis: every output column pooled into one RMSE, MAE and R²
import numpy as np


def regression_metrics(y_true, y_pred):
    err = y_pred - y_true
    rmse = np.sqrt(np.mean(err**2))
    mae = np.mean(np.abs(err))
    ss_tot = np.sum((y_true - y_true.mean()) ** 2)
    ss_res = np.sum(err**2)
    if ss_tot == 0:
        return float(rmse), float(mae), 1.0 if ss_res == 0 else 0.0
    return float(rmse), float(mae), float(1 - ss_res / ss_tot)
