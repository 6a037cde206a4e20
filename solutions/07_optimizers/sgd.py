"""SGD（ゼロから作るDeep Learning 1, 6 章）/ SGD (book 1, chapter 6)."""
import numpy as np


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params:
            params[key] -= self.lr * grads[key]   # in place: the caller's array changes
