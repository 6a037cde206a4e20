# expect: pass
# the input gradient built sample by sample with a loop, the losses through a helper
import numpy as np


def critic(x, W, c, v):
    return np.tanh(x @ W + c) @ v


def critic_input_grad(x, W, c, v):
    grads = np.zeros_like(x)
    for n in range(x.shape[0]):
        a = np.tanh(x[n] @ W + c)  # (H,)
        grads[n] = W @ (v * (1 - a * a))  # (D,)
    return grads


def critic_loss(real, fake, eps, W, c, v, lam):
    x_hat = fake + eps * (real - fake)
    g = critic_input_grad(x_hat, W, c, v)
    gp = np.mean((np.sqrt((g * g).sum(axis=1)) - 1) ** 2)
    return float(critic(fake, W, c, v).mean() - critic(real, W, c, v).mean() + lam * gp)


def generator_loss(fake, W, c, v):
    return -float(critic(fake, W, c, v).mean())
