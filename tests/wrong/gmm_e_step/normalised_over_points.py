# expect: fail
# diagnosis: normalised over axis=0
# mistake: responsibilities normalised over the data points
import numpy as np


def gmm_e_step(x, weights, means, variances):
    diff = x[:, None, :] - means[None, :, :]  # (N, K, D)
    log_gauss = -0.5 * np.sum(np.log(2 * np.pi * variances) + diff**2 / variances, axis=2)  # (N, K)
    log_joint = np.log(weights) + log_gauss  # log π_k N(x_n; μ_k, Σ_k)
    top = log_joint.max(axis=0, keepdims=True)
    log_norm = top + np.log(np.exp(log_joint - top).sum(axis=0, keepdims=True))
    return np.exp(log_joint - log_norm), float(log_norm.sum())
