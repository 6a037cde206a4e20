"""隠れ層の活性化の分布（ゼロから作るDeep Learning 1, 6.2 節）/ Hidden-layer activation distributions (book 1, 6.2)."""
import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def relu(a):
    return np.maximum(0.0, a)


ACTIVATIONS = {"sigmoid": sigmoid, "relu": relu, "tanh": np.tanh}


def init_scale(weight_init, n):
    """The weights' standard deviation for a layer with fan-in n."""
    if weight_init == "xavier":
        return np.sqrt(1.0 / n)
    if weight_init == "he":
        return np.sqrt(2.0 / n)
    return float(weight_init)


def activation_distribution(x, node_num, hidden_layer_size, weight_init, activation, rng):
    act = ACTIVATIONS[activation]
    activations = []
    z = x
    for _ in range(hidden_layer_size):
        n = z.shape[1]                       # fan-in: D for the first layer, node_num after it
        W = rng.standard_normal((n, node_num)) * init_scale(weight_init, n)
        a = z @ W
        z = act(a)
        activations.append(z)
    return activations


def layer_stats(activations):
    return np.array([[np.mean(z), np.std(z)] for z in activations])
