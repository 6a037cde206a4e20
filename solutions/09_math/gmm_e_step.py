"""混合ガウス分布の E ステップ（負担率と対数尤度、log-sum-exp）/ The E step of a Gaussian mixture."""
import numpy as np


def gmm_e_step(x, weights, means, variances):
    diff = x[:, None, :] - means[None, :, :]                              # (N, K, D)
    log_gauss = -0.5 * np.sum(np.log(2 * np.pi * variances) + diff**2 / variances, axis=2)   # (N, K)
    log_joint = np.log(weights) + log_gauss                               # log π_k N(x_n; μ_k, Σ_k)
    top = log_joint.max(axis=1, keepdims=True)                            # log-sum-exp over the components
    log_px = top + np.log(np.exp(log_joint - top).sum(axis=1, keepdims=True))   # (N, 1): log p(x_n)
    return np.exp(log_joint - log_px), float(log_px.sum())
