# expect: pass
# stacks each key's arrays into (K, ...) and contracts with the weights by np.tensordot
import numpy as np


def fedavg(client_params, n_samples):
    w = np.asarray(n_samples) / np.sum(n_samples)
    return {key: np.tensordot(w, np.stack([p[key] for p in client_params]), axes=1) for key in client_params[0]}
