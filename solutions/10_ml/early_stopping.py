"""早期終了 / Early stopping on the validation loss."""
import numpy as np


class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best = np.inf  # これまでの最良の検証損失 / the best validation loss so far
        self.best_epoch = -1  # その損失のエポック（step の呼び出しの 0 から数えた番号） / its epoch (0-based count of step calls)
        self.counter = 0  # 改善のないエポックが続いた数 / epochs in a row without improvement
        self.epoch = -1  # step を呼んだ回数 − 1 / the number of step calls − 1

    def step(self, val_loss):
        """Record one epoch's validation loss; True when training should stop."""
        self.epoch += 1
        if val_loss < self.best - self.min_delta:
            self.best = val_loss
            self.best_epoch = self.epoch
            self.counter = 0
        else:
            self.counter += 1
        return self.counter >= self.patience
