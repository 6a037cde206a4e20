# expect: pass
# right: all the weights drawn before the forward loop, in layer order (the same stream), sigmoid via exp(-logaddexp)
import numpy as np


def activation_distribution(x, node_num, hidden_layer_size, weight_init, activation, rng):
    fan_in = [x.shape[1]] + [node_num] * (hidden_layer_size - 1)
    std = {"xavier": lambda n: (1 / n) ** 0.5, "he": lambda n: (2 / n) ** 0.5}
    weights = [rng.normal(0, std[weight_init](n) if isinstance(weight_init, str) else weight_init, (n, node_num))
               for n in fan_in]
    act = {"sigmoid": lambda a: np.exp(-np.logaddexp(0.0, -a)),
           "relu": lambda a: a * (a > 0),
           "tanh": np.tanh}[activation]
    out = []
    for W in weights:
        x = act(x @ W)
        out.append(x)
    return out


def layer_stats(activations):
    return np.stack([np.array([z.mean(), z.std()]) for z in activations])
