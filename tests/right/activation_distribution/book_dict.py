# expect: pass
# right: book 1's loop shape: a dict {i: z}, x rebound to the previous activation, np.dot
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def activation_distribution(x, node_num, hidden_layer_size, weight_init, activation, rng):
    activations = {}
    for i in range(hidden_layer_size):
        if i != 0:
            x = activations[i - 1]
        n = x.shape[1]
        if weight_init == "xavier":
            w = rng.standard_normal((n, node_num)) / np.sqrt(n)
        elif weight_init == "he":
            w = rng.standard_normal((n, node_num)) * np.sqrt(2) / np.sqrt(n)
        else:
            w = rng.standard_normal((n, node_num)) * weight_init
        a = np.dot(x, w)
        if activation == "sigmoid":
            z = sigmoid(a)
        elif activation == "relu":
            z = relu(a)
        else:
            z = np.tanh(a)
        activations[i] = z
    return activations


def layer_stats(activations):
    stats = np.zeros((len(activations), 2))
    for i, z in enumerate(activations.values() if isinstance(activations, dict) else activations):
        stats[i] = z.mean(), z.std()
    return stats
