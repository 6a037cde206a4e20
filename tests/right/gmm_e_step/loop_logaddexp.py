# expect: pass
# a loop over the components with the density written out, np.logaddexp.reduce for the normaliser
import numpy as np


def gmm_e_step(x, weights, means, variances):
    cols = []
    for k in range(len(weights)):
        var = variances[k]
        log_density = np.sum(-0.5 * np.log(2 * np.pi * var) - (x - means[k]) ** 2 / (2 * var), axis=1)
        cols.append(np.log(weights[k]) + log_density)
    log_joint = np.stack(cols, axis=1)
    log_px = np.logaddexp.reduce(log_joint, axis=1)
    return np.exp(log_joint - log_px[:, None]), float(np.sum(log_px))
