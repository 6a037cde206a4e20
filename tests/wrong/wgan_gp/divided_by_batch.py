# expect: fail
# diagnosis: the gradient is divided by N
# mistake: the input gradient of mean D(x) instead of each sample's ∇_x D(x_n)
import numpy as np


def critic(x, W, c, v):
    return np.tanh(x @ W + c) @ v


def critic_input_grad(x, W, c, v):
    a = np.tanh(x @ W + c)
    dout = np.ones(x.shape[0]) / x.shape[0]  # backward of the mean
    return (dout[:, None] * v * (1 - a**2)) @ W.T


def critic_loss(real, fake, eps, W, c, v, lam):
    x_hat = eps * real + (1 - eps) * fake
    norms = np.linalg.norm(critic_input_grad(x_hat, W, c, v), axis=1)
    return float(np.mean(critic(fake, W, c, v)) - np.mean(critic(real, W, c, v)) + lam * np.mean((norms - 1) ** 2))


def generator_loss(fake, W, c, v):
    return float(-np.mean(critic(fake, W, c, v)))
