# expect: pass
# log m! as a sum of logs, a loop over the rows, np.where for the zero counts
import numpy as np


def _log_factorial(m):
    return float(np.sum(np.log(np.arange(1, int(m) + 1)))) if m > 1 else 0.0


def multinomial_log_pmf(x, pi):
    out = np.empty(x.shape[0])
    for n, (row, p) in enumerate(zip(x, pi)):
        coef = _log_factorial(row.sum()) - sum(_log_factorial(m) for m in row)
        with np.errstate(divide="ignore"):
            logs = np.where(row > 0, row * np.log(np.where(row > 0, p, 1.0)), 0.0)
        out[n] = coef + logs.sum()
    return out
