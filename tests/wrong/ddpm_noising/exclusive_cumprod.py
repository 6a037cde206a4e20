# expect: fail
# diagnosis: alpha_bars is shifted by one
# mistake: ᾱ built as Π_{s<t} (starts at 1 = ᾱ_0), then indexed with t − 1
import numpy as np


def linear_schedule(T, beta_1, beta_T):
    betas = np.linspace(beta_1, beta_T, T)
    alpha_bars = np.ones(T)
    for i in range(1, T):
        alpha_bars[i] = alpha_bars[i - 1] * (1 - betas[i - 1])
    return betas, alpha_bars


def q_sample(x0, t, eps, alpha_bars):
    ab = alpha_bars[t - 1].reshape(-1, 1)
    return np.sqrt(ab) * x0 + np.sqrt(1 - ab) * eps


def eps_loss(eps, eps_pred):
    return float(np.mean((eps - eps_pred) ** 2))
