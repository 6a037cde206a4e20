# expect: fail
# diagnosis: you computed the swapped KL(q‖p)
# mistake: KL(q||p) = sum q log(q / p), the arguments' roles exchanged
import numpy as np


def kl_divergence(p, q):
    with np.errstate(divide="ignore"):
        return np.sum(q * np.log(q / p), axis=1)
