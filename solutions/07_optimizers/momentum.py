"""Momentum（ゼロから作るDeep Learning 1, 6 章）/ Momentum SGD (book 1, chapter 6)."""
import numpy as np


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None          # velocity per key, created on the first update

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params:
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]
