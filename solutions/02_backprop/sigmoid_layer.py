"""Sigmoid レイヤ（ゼロから作るDeep Learning 1, 5 章）/ The Sigmoid layer (book 1, chapter 5)."""
import numpy as np


class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        out = 1.0 / (1.0 + np.exp(-x))
        self.out = out                # backward needs only the output
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx
