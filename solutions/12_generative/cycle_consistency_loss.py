"""CycleGAN（Zhu ら 2017）の生成器の損失を、与えられた写像について NumPy で計算してください。

G: X → Y と F: Y → X は採点側が渡す関数（配列 (N, D) → (N, D)）、D_X と D_Y は (N, D) → (N,) の識別器です。
cycle_loss(x, y, G, F) -> float: mean|F(G(x)) − x| + mean|G(F(y)) − y|（各項で全要素について平均）
identity_loss(x, y, G, F) -> float: mean|G(y) − y| + mean|F(x) − x|
lsgan_generator_loss(d_fake) -> float: mean (d_fake − 1)²
total_generator_loss(x, y, G, F, D_X, D_Y, lam_cyc, lam_id) -> float:
  lsgan(D_Y(G(x))) + lsgan(D_X(F(y))) + lam_cyc · cycle + lam_id · identity
cycle_grad_A(x, A, B) -> (D, D): G(t) = t A、F(t) = t B のときの mean|x A B − x| の A についての勾配

Compute CycleGAN's (Zhu et al. 2017) generator losses for given maps in NumPy.
G: X → Y and F: Y → X are functions the grader passes ((N, D) arrays → (N, D)); D_X and D_Y map (N, D) → (N,).
cycle_loss(x, y, G, F) -> float: mean|F(G(x)) − x| + mean|G(F(y)) − y| (each term averaged over all elements)
identity_loss(x, y, G, F) -> float: mean|G(y) − y| + mean|F(x) − x|
lsgan_generator_loss(d_fake) -> float: mean (d_fake − 1)²
total_generator_loss(x, y, G, F, D_X, D_Y, lam_cyc, lam_id) -> float:
  lsgan(D_Y(G(x))) + lsgan(D_X(F(y))) + lam_cyc · cycle + lam_id · identity
cycle_grad_A(x, A, B) -> (D, D): the gradient of mean|x A B − x| with respect to A, for G(t) = t A, F(t) = t B
"""

import numpy as np


def cycle_loss(x, y, G, F):
    # 前向き x → G(x) → F(G(x)) と後ろ向き y → F(y) → G(F(y)) のサイクル / the forward and the backward cycle
    return float(np.mean(np.abs(F(G(x)) - x)) + np.mean(np.abs(G(F(y)) - y)))


def identity_loss(x, y, G, F):
    # G: X → Y には y を、F: Y → X には x を入れる / G: X → Y is fed y, F: Y → X is fed x
    return float(np.mean(np.abs(G(y) - y)) + np.mean(np.abs(F(x) - x)))


def lsgan_generator_loss(d_fake):
    # 最小二乗 GAN: 生成器は D の出力を本物の目標 1 に近づける / least squares: the generator aims at target 1
    return float(np.mean((d_fake - 1.0) ** 2))


def total_generator_loss(x, y, G, F, D_X, D_Y, lam_cyc, lam_id):
    # G(x) は Y の偽物（D_Y へ）、F(y) は X の偽物（D_X へ）/ G(x) is a fake of Y (to D_Y), F(y) a fake of X (to D_X)
    adversarial = lsgan_generator_loss(D_Y(G(x))) + lsgan_generator_loss(D_X(F(y)))
    return adversarial + lam_cyc * cycle_loss(x, y, G, F) + lam_id * identity_loss(x, y, G, F)


def cycle_grad_A(x, A, B):
    # R = x A B − x、dL/dR = sign(R) / R.size、(x A) へは @ B.T、A へは x.T @ / backpropagate through B, then A
    r = x @ A @ B - x
    dr = np.sign(r) / r.size
    return x.T @ dr @ B.T
