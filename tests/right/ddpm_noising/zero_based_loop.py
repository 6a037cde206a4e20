# expect: pass
# the schedule built with a loop, ᾱ gathered with np.take and a 0-based index array
import numpy as np


def linear_schedule(T, beta_1, beta_T):
    betas = beta_1 + (beta_T - beta_1) * np.arange(T) / (T - 1)
    alpha_bars = np.empty(T)
    prod = 1.0
    for i in range(T):
        prod *= 1.0 - betas[i]
        alpha_bars[i] = prod
    return betas, alpha_bars


def q_sample(x0, t, eps, alpha_bars):
    idx = np.asarray(t) - 1
    ab = np.take(alpha_bars, idx)[:, np.newaxis]
    return ab**0.5 * x0 + (1 - ab) ** 0.5 * eps


def eps_loss(eps, eps_pred):
    diff = eps_pred - eps
    return float((diff * diff).mean())
