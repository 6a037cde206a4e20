# expect: fail
# diagnosis: did not subtract Σ_k log x_k!
# mistake: log n! without dividing by the x_k!
import math

import numpy as np

log_factorial = np.vectorize(lambda m: math.lgamma(m + 1.0))  # log m! = log Γ(m + 1), no overflow


def multinomial_log_pmf(x, pi):
    n = x.sum(axis=1)
    log_coef = log_factorial(n)
    terms = np.zeros(x.shape)
    seen = x > 0  # x_k = 0 terms are 0, even where π_k = 0
    with np.errstate(divide="ignore"):
        terms[seen] = x[seen] * np.log(pi[seen])  # −inf where π_k = 0 but x_k > 0
    return log_coef + terms.sum(axis=1)
