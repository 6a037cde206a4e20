# expect: pass
# keeps the history of losses and derives the epoch number from its length
import numpy as np


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best = np.inf
        self.best_epoch = -1
        self.counter = 0
        self.history = []

    def step(self, val_loss):
        self.history.append(val_loss)
        improved = self.best - val_loss > self.min_delta
        if improved:
            self.best = val_loss
            self.best_epoch = len(self.history) - 1
        self.counter = 0 if improved else self.counter + 1
        return bool(self.counter >= self.patience)
