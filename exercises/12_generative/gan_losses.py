"""GAN の識別器の損失と、生成器の非飽和（non-saturating）損失を実装してください。

d_real: (N,) 本物のデータ x に対する識別器の出力 D(x)（sigmoid の後の確率、0 < D < 1）
d_fake: (M,) 生成データ G(z) に対する識別器の出力 D(G(z))（0 < D < 1）
discriminator_loss(d_real, d_fake) -> float: −mean_x log D(x) − mean_z log(1 − D(G(z)))
generator_loss(d_fake) -> float: −mean_z log D(G(z))（非飽和の形）

Implement the GAN discriminator loss and the non-saturating generator loss.
d_real: (N,) the discriminator's outputs D(x) on real data (probabilities after the sigmoid, 0 < D < 1).
d_fake: (M,) its outputs D(G(z)) on generated data (0 < D < 1).
discriminator_loss(d_real, d_fake) -> float: −mean_x log D(x) − mean_z log(1 − D(G(z)))
generator_loss(d_fake) -> float: −mean_z log D(G(z)) (the non-saturating form)
"""
import numpy as np


def discriminator_loss(d_real, d_fake):
    # TODO: 本物は 1、偽物は 0 に分類する交差エントロピー（それぞれのバッチで平均）
    #       cross entropy for real -> 1 and fake -> 0 (each term averaged over its own batch)
    raise NotImplementedError("discriminator_loss: TODO を埋めてください / fill in the TODO")


def generator_loss(d_fake):
    # TODO: 非飽和の生成器損失 / the non-saturating generator loss
    raise NotImplementedError("generator_loss: TODO を埋めてください / fill in the TODO")
