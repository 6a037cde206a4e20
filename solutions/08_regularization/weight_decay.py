"""荷重減衰（L2 正則化、ゼロから作るDeep Learning 1, 6 章）/ Weight decay (L2, book 1, chapter 6)."""
import numpy as np


def weight_decay_loss(params, weight_decay_lambda):
    total = 0.0
    for key, value in params.items():
        if key.startswith("W"):                 # weights only, not the biases
            total += 0.5 * weight_decay_lambda * np.sum(value ** 2)
    return total


def add_weight_decay(grads, params, weight_decay_lambda):
    new_grads = {}
    for key, grad in grads.items():
        if key.startswith("W"):
            new_grads[key] = grad + weight_decay_lambda * params[key]   # d/dW of λ/2·ΣW²
        else:
            new_grads[key] = grad
    return new_grads
