# expect: fail
# diagnosis: the constant added to the denominator is 1e-8
# mistake: 1e-8 instead of 1e-7
"""AdaGrad（ゼロから作るDeep Learning 1, 6 章）/ AdaGrad (book 1, chapter 6)."""
import numpy as np


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None          # sum of squared gradients per key, created on the first update

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params:
            self.h[key] += grads[key] ** 2
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-8)
