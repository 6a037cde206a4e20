# expect: fail
# diagnosis: min_delta is ignored
# mistake: any fall of the loss counts as an improvement
import numpy as np


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best = np.inf
        self.best_epoch = -1
        self.counter = 0
        self.epoch = -1

    def step(self, val_loss):
        self.epoch += 1
        if val_loss < self.best:
            self.best, self.best_epoch, self.counter = val_loss, self.epoch, 0
        else:
            self.counter += 1
        return self.counter >= self.patience
