"""Dropout（『ゼロから作るDeep Learning』（1 巻）6 章）と inverted dropout / book 1's Dropout and inverted dropout."""
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


class InvertedDropout:
    """Inverted dropout, the form of torch.nn.Dropout: scale in training, identity at test time."""

    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None          # True where a unit is kept in the last training forward

    def forward(self, x, train_flg=True):
        if not train_flg:
            return x              # training already scaled the kept units: nothing to undo here
        self.mask = np.random.rand(*x.shape) > self.dropout_ratio  # a new mask on every call
        return x * self.mask / (1.0 - self.dropout_ratio)

    def backward(self, dout):
        return dout * self.mask / (1.0 - self.dropout_ratio)  # the same mask and the same scale
