# expect: pass
# the mask as a product with a float array, the loss as a per-sample mean, the gradients with einsum
import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def corrupt(x, u, rho):
    return x * (u >= rho).astype(x.dtype)


class DenoisingAutoencoder:
    def __init__(self, W1, b1, W2, b2):
        self.params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}

    def forward(self, x, u, rho):
        p = self.params
        self.cache = (x, corrupt(x, u, rho))
        self.h = sigmoid(np.dot(self.cache[1], p["W1"]) + p["b1"])
        self.y = np.dot(self.h, p["W2"]) + p["b2"]
        per_sample = 0.5 * np.sum((self.y - x) ** 2, axis=1)
        return float(np.mean(per_sample))

    def backward(self):
        x, xt = self.cache
        dy = (self.y - x) / x.shape[0]
        self.dW2 = np.einsum("nh,nd->hd", self.h, dy)
        self.db2 = dy.sum(0)
        dh = np.einsum("nd,hd->nh", dy, self.params["W2"])
        da = dh * (1.0 - self.h) * self.h
        self.dW1 = np.einsum("nd,nh->dh", xt, da)
        self.db1 = da.sum(0)
