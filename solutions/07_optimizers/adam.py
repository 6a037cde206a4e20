"""Adam（ゼロから作るDeep Learning 1, 6 章の形）/ Adam (book 1's form, chapter 6)."""
import numpy as np


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0          # number of update calls so far
        self.m = None          # moving average of the gradient, per key
        self.v = None          # moving average of the squared gradient, per key

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(value) for key, value in params.items()}
            self.v = {key: np.zeros_like(value) for key, value in params.items()}
        self.iter += 1
        t = self.iter
        # bias correction folded into the step size
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** t) / (1.0 - self.beta1 ** t)
        for key in params:
            g = grads[key]
            self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * g
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * g ** 2
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)
