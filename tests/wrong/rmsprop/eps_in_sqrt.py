# expect: fail
# diagnosis: the 1e-7 is inside the square root
# mistake: np.sqrt(h + 1e-7) instead of np.sqrt(h) + 1e-7
"""RMSprop（ゼロから作るDeep Learning 1, 6 章）/ RMSprop (book 1, chapter 6)."""
import numpy as np


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None          # moving average of squared gradients per key

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params:
            self.h[key] = self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key] ** 2
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key] + 1e-7))
