# expect: fail
# diagnosis: the gradients are accumulated into self.grads
# mistake: self.grads[i] += dW instead of self.grads[i][...] = dW: right on a fresh object, wrong from the second backward on
import numpy as np


class RNN:
    def __init__(self, Wx, Wh, b):
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.cache = None

    def forward(self, x, h_prev):
        Wx, Wh, b = self.params
        h_next = np.tanh(h_prev @ Wh + x @ Wx + b)
        self.cache = (x, h_prev, h_next)
        return h_next

    def backward(self, dh_next):
        Wx, Wh, b = self.params
        x, h_prev, h_next = self.cache
        dt = dh_next * (1 - h_next ** 2)     # tanh'(a) = 1 - tanh(a)^2, and tanh(a) is h_next   (N, H)
        self.grads[0] += x.T @ dt        # (D, H)
        self.grads[1] += h_prev.T @ dt   # (H, H)
        self.grads[2] += dt.sum(axis=0)  # b is added to every row   (H,)
        dx = dt @ Wx.T                       # (N, D)
        dh_prev = dt @ Wh.T                  # (N, H)
        return dx, dh_prev
