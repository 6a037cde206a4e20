"""Dropout（ゼロから作るDeep Learning 1, 6 章）/ Dropout (book 1, chapter 6)."""
import numpy as np


class Dropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None          # True where a unit is kept in the last training forward

    def forward(self, x, train_flg=True):
        if not train_flg:
            # test: every unit is used, scaled by the expected fraction of kept units
            return x * (1.0 - self.dropout_ratio)
        self.mask = np.random.rand(*x.shape) > self.dropout_ratio
        return np.where(self.mask, x, 0.0)      # no rescaling in train mode (not inverted dropout)

    def backward(self, dout):
        return np.where(self.mask, dout, 0.0)   # the same units as in forward
