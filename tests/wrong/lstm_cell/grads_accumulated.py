# expect: fail
# diagnosis: the gradients are accumulated into self.grads
# mistake: self.grads[i] += dW instead of self.grads[i][...] = dW: right on a fresh object, wrong from the second backward on
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class LSTM:
    def __init__(self, Wx, Wh, b):
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.cache = None

    def forward(self, x, h_prev, c_prev):
        Wx, Wh, b = self.params
        H = h_prev.shape[1]
        A = x @ Wx + h_prev @ Wh + b                   # (N, 4H): f, g, i, o
        f = sigmoid(A[:, :H])
        g = np.tanh(A[:, H:2 * H])
        i = sigmoid(A[:, 2 * H:3 * H])
        o = sigmoid(A[:, 3 * H:])
        c_next = f * c_prev + g * i
        tanh_c = np.tanh(c_next)
        h_next = o * tanh_c
        self.cache = (x, h_prev, c_prev, f, g, i, o, tanh_c)
        return h_next, c_next

    def backward(self, dh_next, dc_next):
        Wx, Wh, b = self.params
        x, h_prev, c_prev, f, g, i, o, tanh_c = self.cache
        # c_next reaches L directly (dc_next) and through h_next = o * tanh(c_next)
        dc = dc_next + dh_next * o * (1 - tanh_c ** 2)
        df = dc * c_prev
        dg = dc * i
        di = dc * g
        do = dh_next * tanh_c
        dA = np.hstack((df * f * (1 - f), dg * (1 - g ** 2), di * i * (1 - i), do * o * (1 - o)))
        self.grads[0] += x.T @ dA                  # (D, 4H)
        self.grads[1] += h_prev.T @ dA             # (H, 4H)
        self.grads[2] += dA.sum(axis=0)            # (4H,)
        dx = dA @ Wx.T
        dh_prev = dA @ Wh.T
        dc_prev = dc * f
        return dx, dh_prev, dc_prev
