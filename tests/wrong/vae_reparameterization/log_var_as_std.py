# expect: fail
# diagnosis: log_var is used as the standard deviation itself
# mistake: z = mu + log_var * eps (log_var read as σ)
import numpy as np


def reparameterize(mu, log_var, eps):
    return mu + log_var * eps


def kl_divergence(mu, log_var):
    var = np.exp(log_var)
    return np.mean(np.sum(-0.5 * (1 + log_var - mu * mu - var), axis=1))
