# expect: fail
# diagnosis: real and fake are averaged together over N + M samples
# mistake: one binary cross entropy over the concatenated batch (weights the terms by N and M)
import numpy as np


def bce(y, t):
    return -np.mean(t * np.log(y) + (1 - t) * np.log(1 - y))


def discriminator_loss(d_real, d_fake):
    y = np.concatenate([d_real, d_fake])
    t = np.concatenate([np.ones_like(d_real), np.zeros_like(d_fake)])
    return bce(y, t)


def generator_loss(d_fake):
    return bce(d_fake, np.ones_like(d_fake))
