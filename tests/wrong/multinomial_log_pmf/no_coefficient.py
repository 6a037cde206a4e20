# expect: fail
# diagnosis: the multinomial coefficient n!/(x_1! … x_K!) is missing
# mistake: the probability of one sequence, without the coefficient
import math

import numpy as np

log_factorial = np.vectorize(lambda m: math.lgamma(m + 1.0))  # log m! = log Γ(m + 1), no overflow


def multinomial_log_pmf(x, pi):
    terms = np.zeros(x.shape)
    seen = x > 0  # x_k = 0 terms are 0, even where π_k = 0
    with np.errstate(divide="ignore"):
        terms[seen] = x[seen] * np.log(pi[seen])  # −inf where π_k = 0 but x_k > 0
    return terms.sum(axis=1)
