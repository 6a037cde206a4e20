# expect: fail
# diagnosis: the penalty is evaluated at the fake samples
# mistake: the gradient penalty taken at G(z) instead of at the interpolates
import numpy as np


def critic(x, W, c, v):
    return np.tanh(x @ W + c) @ v


def critic_input_grad(x, W, c, v):
    a = np.tanh(x @ W + c)
    return ((1 - a**2) * v) @ W.T


def critic_loss(real, fake, eps, W, c, v, lam):
    norms = np.linalg.norm(critic_input_grad(fake, W, c, v), axis=1)
    return float(np.mean(critic(fake, W, c, v)) - np.mean(critic(real, W, c, v)) + lam * np.mean((norms - 1) ** 2))


def generator_loss(fake, W, c, v):
    return float(-np.mean(critic(fake, W, c, v)))
