# expect: fail
# diagnosis: x0 is scaled by ᾱ_t
# mistake: the mean written as ᾱ_t x0 (the noise keeps its square root)
import numpy as np


def linear_schedule(T, beta_1, beta_T):
    betas = np.linspace(beta_1, beta_T, T)
    return betas, np.cumprod(1 - betas)


def q_sample(x0, t, eps, alpha_bars):
    ab = alpha_bars[t - 1].reshape(-1, 1)
    return ab * x0 + np.sqrt(1 - ab) * eps


def eps_loss(eps, eps_pred):
    return float(np.mean((eps - eps_pred) ** 2))
