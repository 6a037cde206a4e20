"""GAN の識別器と生成器の損失 / GAN discriminator and (non-saturating) generator losses."""
import numpy as np


def discriminator_loss(d_real, d_fake):
    # D wants D(x) -> 1 on real data and D(G(z)) -> 0 on generated data
    return float(-np.mean(np.log(d_real)) - np.mean(np.log(1.0 - d_fake)))


def generator_loss(d_fake):
    # non-saturating: G wants D(G(z)) -> 1
    return float(-np.mean(np.log(d_fake)))
