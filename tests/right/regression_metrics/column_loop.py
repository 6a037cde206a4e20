# expect: pass
# a loop over the output columns with plain Python branches, 1-D input as one column
import numpy as np


def _one(y, p):
    e = p - y
    rmse = np.sqrt(np.mean(e * e))
    mae = np.mean(np.abs(e))
    ss_tot = np.sum((y - y.mean()) ** 2)
    ss_res = np.sum(e * e)
    if ss_tot == 0:
        r2 = 1.0 if ss_res == 0 else 0.0
    else:
        r2 = 1.0 - ss_res / ss_tot
    return rmse, mae, r2


def regression_metrics(y_true, y_pred):
    if y_true.ndim == 1:
        return tuple(float(v) for v in _one(y_true, y_pred))
    cols = [_one(y_true[:, j], y_pred[:, j]) for j in range(y_true.shape[1])]
    return tuple(np.array(v) for v in zip(*cols))
