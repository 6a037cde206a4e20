# expect: fail
# diagnosis: best is updated even by a fall too small
# mistake: best = min(best, val_loss) at every step; only the counter follows min_delta
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
        if val_loss < self.best - self.min_delta:
            self.counter = 0
        else:
            self.counter += 1
        if val_loss < self.best:
            self.best, self.best_epoch = val_loss, self.epoch
        return self.counter >= self.patience
