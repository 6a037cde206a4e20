"""Nesterov（ゼロから作るDeep Learning 1, 6 章の形）/ Nesterov's accelerated gradient (book 1's form)."""
import numpy as np


class Nesterov:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(value) for key, value in params.items()}
        mu = self.momentum
        for key in params:
            # params first, with the OLD v ...
            params[key] += mu * mu * self.v[key] - (1 + mu) * self.lr * grads[key]
            # ... then v
            self.v[key] = mu * self.v[key] - self.lr * grads[key]
