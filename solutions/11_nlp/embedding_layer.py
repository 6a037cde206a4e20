"""Embedding レイヤ（ゼロから作るDeep Learning 2, 4 章）/ The Embedding layer (book 2)."""
import numpy as np


class Embedding:
    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.idx = None

    def forward(self, idx):
        W, = self.params
        self.idx = idx
        return W[idx]

    def backward(self, dout):
        dW, = self.grads
        dW[...] = 0                       # forget the previous call's gradient
        np.add.at(dW, self.idx, dout)     # a word id that occurs k times gets the sum of its k rows
        return None
