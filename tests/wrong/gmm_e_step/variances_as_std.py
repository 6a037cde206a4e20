# expect: fail
# diagnosis: variances is treated as standard deviations
# mistake: squares the given variances as if they were standard deviations
import numpy as np


def gmm_e_step(x, weights, means, variances):
    diff = x[:, None, :] - means[None, :, :]  # (N, K, D)
    sd = np.sqrt(variances)
    log_gauss = -0.5 * np.sum(np.log(2 * np.pi * sd) + diff**2 / sd, axis=2)
    log_joint = np.log(weights) + log_gauss  # log π_k N(x_n; μ_k, Σ_k)
    top = log_joint.max(axis=1, keepdims=True)  # log-sum-exp over the components
    log_px = top + np.log(np.exp(log_joint - top).sum(axis=1, keepdims=True))  # (N, 1): log p(x_n)
    return np.exp(log_joint - log_px), float(log_px.sum())
