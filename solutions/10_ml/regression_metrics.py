"""回帰の評価指標 RMSE・MAE・R² / Regression metrics: RMSE, MAE and R²."""
import numpy as np


def regression_metrics(y_true, y_pred):
    """y_true, y_pred: (N,) or (N, D) float arrays of the same shape, N >= 2.

    Returns (rmse, mae, r2): floats for (N,), arrays (D,) for (N, D), one value per output column.
    A column whose y_true is constant has r2 = 1.0 if its predictions are exact, else 0.0.
    """
    err = y_pred - y_true
    rmse = np.sqrt(np.mean(err**2, axis=0))
    mae = np.mean(np.abs(err), axis=0)
    ss_res = np.sum(err**2, axis=0)
    ss_tot = np.sum((y_true - np.mean(y_true, axis=0)) ** 2, axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):  # the constant columns' x/0 is replaced below
        r2 = np.where(ss_tot == 0, np.where(ss_res == 0, 1.0, 0.0), 1.0 - ss_res / ss_tot)
    return rmse, mae, r2[()]  # [()]: a 0-d array (1-D input) becomes a scalar, a (D,) array stays as it is
