# expect: fail
# diagnosis: the same weight matrix is used in more than one layer
# mistake: the weights are drawn before the loop, one matrix for the first layer and one shared by the rest
import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def relu(a):
    return np.maximum(0.0, a)


def scale_for(weight_init, n):
    if weight_init == "xavier":
        return 1.0 / np.sqrt(n)
    if weight_init == "he":
        return np.sqrt(2.0 / n)
    return weight_init


def activation_distribution(x, node_num, hidden_layer_size, weight_init, activation, rng):
    act = {"sigmoid": sigmoid, "relu": relu, "tanh": np.tanh}[activation]
    D = x.shape[1]
    w_first = rng.standard_normal((D, node_num)) * scale_for(weight_init, D)
    w_hidden = rng.standard_normal((node_num, node_num)) * scale_for(weight_init, node_num)
    activations = []
    for i in range(hidden_layer_size):
        w = w_first if i == 0 else w_hidden
        x = act(np.dot(x, w))
        activations.append(x)
    return activations


def layer_stats(activations):
    return np.array([[z.mean(), z.std()] for z in activations])
