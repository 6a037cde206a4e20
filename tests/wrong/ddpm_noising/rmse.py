# expect: fail
# diagnosis: that is the root of the mean (RMSE)
# mistake: the loss returns the root mean squared error
import numpy as np


def linear_schedule(T, beta_1, beta_T):
    betas = np.linspace(beta_1, beta_T, T)
    return betas, np.cumprod(1 - betas)


def q_sample(x0, t, eps, alpha_bars):
    ab = alpha_bars[t - 1].reshape(-1, 1)
    return np.sqrt(ab) * x0 + np.sqrt(1 - ab) * eps


def eps_loss(eps, eps_pred):
    return float(np.sqrt(np.mean((eps - eps_pred) ** 2)))
