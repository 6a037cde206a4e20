# expect: fail
# diagnosis: only norms above 1 are penalised
# mistake: the one-sided penalty max(0, ‖∇D‖ − 1)²
import numpy as np


def critic(x, W, c, v):
    return np.tanh(x @ W + c) @ v


def critic_input_grad(x, W, c, v):
    a = np.tanh(x @ W + c)
    return ((1 - a**2) * v) @ W.T


def critic_loss(real, fake, eps, W, c, v, lam):
    x_hat = eps * real + (1 - eps) * fake
    norms = np.linalg.norm(critic_input_grad(x_hat, W, c, v), axis=1)
    gp = np.mean(np.maximum(norms - 1, 0) ** 2)
    return float(np.mean(critic(fake, W, c, v)) - np.mean(critic(real, W, c, v)) + lam * gp)


def generator_loss(fake, W, c, v):
    return float(-np.mean(critic(fake, W, c, v)))
