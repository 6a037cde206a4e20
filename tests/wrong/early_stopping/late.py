# expect: fail
# diagnosis: it stops one epoch late
# mistake: counter > patience instead of counter >= patience
import numpy as np


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best = np.inf
        self.best_epoch = -1
        self.counter = 0
        self.epoch = 0

    def step(self, val_loss):
        if val_loss < self.best - self.min_delta:
            self.best, self.best_epoch, self.counter = val_loss, self.epoch, 0
        else:
            self.counter += 1
        self.epoch += 1
        return self.counter > self.patience
