# expect: fail
# diagnosis: give 0 * log(0) = nan
# mistake: 0 · log 0 not treated as 0
import math

import numpy as np

log_factorial = np.vectorize(lambda m: math.lgamma(m + 1.0))  # log m! = log Γ(m + 1), no overflow


def multinomial_log_pmf(x, pi):
    n = x.sum(axis=1)
    log_coef = log_factorial(n) - log_factorial(x).sum(axis=1)  # log n! − Σ_k log x_k!
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = x * np.log(pi)
    return log_coef + terms.sum(axis=1)
