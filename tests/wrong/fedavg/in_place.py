# expect: fail
# diagnosis: the average is written into the first client's arrays
# mistake: the first client's arrays reused as the accumulator (*= and +=)
def fedavg(client_params, n_samples):
    n = sum(n_samples)
    out = client_params[0]
    for key in out:
        out[key] *= n_samples[0] / n
        for nk, p in zip(n_samples[1:], client_params[1:]):
            out[key] += nk / n * p[key]
    return out
