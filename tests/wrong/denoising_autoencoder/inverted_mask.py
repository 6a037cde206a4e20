# expect: fail
# diagnosis: the mask is inverted
# mistake: keep = u < rho, so ρ becomes the fraction kept instead of the fraction destroyed
import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def corrupt(x, u, rho):
    keep = u < rho
    return x * keep


class DenoisingAutoencoder:
    def __init__(self, W1, b1, W2, b2):
        self.W1, self.b1, self.W2, self.b2 = W1, b1, W2, b2

    def forward(self, x, u, rho):
        self.x = x
        self.x_tilde = corrupt(x, u, rho)
        self.h = sigmoid(self.x_tilde @ self.W1 + self.b1)
        self.x_hat = self.h @ self.W2 + self.b2
        return 0.5 * np.sum((self.x_hat - x) ** 2) / len(x)

    def backward(self):
        dy = (self.x_hat - self.x) / len(self.x)
        self.dW2 = self.h.T @ dy
        self.db2 = dy.sum(axis=0)
        da = dy @ self.W2.T * self.h * (1 - self.h)
        self.dW1 = self.x_tilde.T @ da
        self.db1 = da.sum(axis=0)
