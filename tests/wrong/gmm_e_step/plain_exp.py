# expect: fail
# diagnosis: underflows to 0
# mistake: normalises with plain exp() instead of the log-sum-exp
import numpy as np


def gmm_e_step(x, weights, means, variances):
    diff = x[:, None, :] - means[None, :, :]  # (N, K, D)
    log_gauss = -0.5 * np.sum(np.log(2 * np.pi * variances) + diff**2 / variances, axis=2)  # (N, K)
    log_joint = np.log(weights) + log_gauss  # log π_k N(x_n; μ_k, Σ_k)
    joint = np.exp(log_joint)
    px = joint.sum(axis=1, keepdims=True)
    return joint / px, float(np.log(px).sum())
