"""FedAvg の集約 / FedAvg's aggregation step."""
import numpy as np


def fedavg(client_params, n_samples):
    """client_params: list of K dicts {name: ndarray}, n_samples: K positive ints -> {name: Σ_k (n_k / n) θ_k}."""
    n = np.asarray(n_samples, dtype=np.float64)
    weights = n / n.sum()
    return {
        name: sum(w * params[name] for w, params in zip(weights, client_params)) for name in client_params[0]
    }
