# expect: fail
# diagnosis: Does backward use an earlier call's self.cache
# mistake: forward saves the cache on its first call only, so later backwards use the first call's x and h_prev
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class GRU:
    def __init__(self, Wx, Wh, b):
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.cache = None

    def forward(self, x, h_prev):
        Wx, Wh, b = self.params
        H = h_prev.shape[1]
        z = sigmoid(x @ Wx[:, :H] + h_prev @ Wh[:, :H] + b[:H])
        r = sigmoid(x @ Wx[:, H:2 * H] + h_prev @ Wh[:, H:2 * H] + b[H:2 * H])
        h_hat = np.tanh(x @ Wx[:, 2 * H:] + (r * h_prev) @ Wh[:, 2 * H:] + b[2 * H:])
        h_next = (1 - z) * h_prev + z * h_hat
        if self.cache is None:  # kept from the first forward only
            self.cache = (x, h_prev, z, r, h_hat)
        return h_next

    def backward(self, dh_next):
        Wx, Wh, b = self.params
        x, h_prev, z, r, h_hat = self.cache
        H = h_prev.shape[1]
        Whh = Wh[:, 2 * H:]
        dh_prev = dh_next * (1 - z)                    # the direct path (1 - z) * h_prev
        dz = dh_next * (h_hat - h_prev)
        dt = dh_next * z * (1 - h_hat ** 2)            # through h_hat, before its tanh
        drh = dt @ Whh.T                               # gradient w.r.t. r * h_prev
        dh_prev += drh * r
        dr = drh * h_prev
        dz_pre = dz * z * (1 - z)
        dr_pre = dr * r * (1 - r)
        dA = np.hstack((dz_pre, dr_pre, dt))           # (N, 3H) in the order z, r, h
        self.grads[0][...] = x.T @ dA
        self.grads[1][...] = np.hstack((h_prev.T @ dz_pre, h_prev.T @ dr_pre, (r * h_prev).T @ dt))
        self.grads[2][...] = dA.sum(axis=0)
        dx = dA @ Wx.T
        dh_prev += dz_pre @ Wh[:, :H].T + dr_pre @ Wh[:, H:2 * H].T
        return dx, dh_prev
