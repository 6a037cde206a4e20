# expect: fail
# diagnosis: counter is reset whenever the loss fell below the previous epoch's
# mistake: the patience counter compared with the last epoch's loss, not with the best
import numpy as np


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best = np.inf
        self.best_epoch = -1
        self.counter = 0
        self.epoch = -1
        self.last = np.inf

    def step(self, val_loss):
        self.epoch += 1
        if val_loss < self.best - self.min_delta:
            self.best, self.best_epoch = val_loss, self.epoch
        if val_loss < self.last - self.min_delta:
            self.counter = 0
        else:
            self.counter += 1
        self.last = val_loss
        return self.counter >= self.patience
