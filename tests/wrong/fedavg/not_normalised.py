# expect: fail
# diagnosis: the weights n_k are not divided by n
# mistake: Σ_k n_k θ_k, the weights left as raw counts
def fedavg(client_params, n_samples):
    return {key: sum(n * p[key] for n, p in zip(n_samples, client_params)) for key in client_params[0]}
