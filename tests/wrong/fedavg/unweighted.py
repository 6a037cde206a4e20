# expect: fail
# diagnosis: this is the unweighted mean
# mistake: np.mean over the clients, ignoring the sample counts
import numpy as np


def fedavg(client_params, n_samples):
    return {key: np.mean([p[key] for p in client_params], axis=0) for key in client_params[0]}
