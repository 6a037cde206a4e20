# expect: fail
# diagnosis: n! = inf once n exceeds 170
# mistake: factorials as float products, then the log
import numpy as np


def _factorial(m):
    return np.prod(np.arange(1.0, m + 1.0))


def multinomial_log_pmf(x, pi):
    out = np.empty(x.shape[0])
    for n, (row, p) in enumerate(zip(x, pi)):
        coef = _factorial(row.sum())
        for m in row:
            coef /= _factorial(m)
        with np.errstate(divide="ignore"):
            logs = np.where(row > 0, row * np.log(np.where(row > 0, p, 1.0)), 0.0)
        out[n] = np.log(coef) + logs.sum()
    return out
