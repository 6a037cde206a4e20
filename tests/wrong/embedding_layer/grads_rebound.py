# expect: fail
# diagnosis: the array self.grads[0] was replaced
# mistake: a new array is made and bound to self.grads[0] (the optimizer still holds the old one)
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
        W, = self.params
        dW = np.zeros_like(W)
        np.add.at(dW, self.idx, dout)
        self.grads[0] = dW
        return None
