"""拡散モデル（DDPM, Ho ら 2020）の線形 β スケジュール、順過程のサンプリング q(x_t | x_0)、ノイズ予測の損失を実装してください。

linear_schedule(T, beta_1, beta_T) -> (betas, alpha_bars): どちらも (T,)。配列の添字 i が時刻 t = i + 1
  betas = beta_1 から beta_T までの等間隔、alpha_bars[t−1] = ᾱ_t = Π_{s=1..t} (1 − β_s)
q_sample(x0, t, eps, alpha_bars) -> x_t: (N, D)。t は (N,) の整数（1 ≤ t ≤ T、サンプルごとに違う）
  x_t = sqrt(ᾱ_t) x0 + sqrt(1 − ᾱ_t) eps（行ごとに、その行の t の ᾱ_t で）
eps_loss(eps, eps_pred) -> float: 全要素についての平均二乗誤差

Implement DDPM's (Ho et al. 2020) linear β schedule, forward-process sampling q(x_t | x_0) and the
noise-prediction loss.
linear_schedule(T, beta_1, beta_T) -> (betas, alpha_bars), both (T,); array index i holds time t = i + 1:
  betas evenly spaced from beta_1 to beta_T, alpha_bars[t−1] = ᾱ_t = Π_{s=1..t} (1 − β_s)
q_sample(x0, t, eps, alpha_bars) -> x_t, (N, D); t is an (N,) integer array (1 ≤ t ≤ T, one per sample)
  x_t = sqrt(ᾱ_t) x0 + sqrt(1 − ᾱ_t) eps (row by row, with the ᾱ_t of that row's t)
eps_loss(eps, eps_pred) -> float: the mean squared error over all elements
"""

import numpy as np


def linear_schedule(T, beta_1, beta_T):
    # TODO: betas（等間隔）と alpha_bars（1 − β の累積積）/ betas (evenly spaced) and alpha_bars (cumulative product of 1 − β)
    raise NotImplementedError("linear_schedule: TODO を埋めてください / fill in the TODO")


def q_sample(x0, t, eps, alpha_bars):
    # TODO: 行ごとの ᾱ_t（添字は t − 1）で x0 とノイズを混ぜる / mix x0 and the noise with each row's ᾱ_t (index t − 1)
    raise NotImplementedError("q_sample: TODO を埋めてください / fill in the TODO")


def eps_loss(eps, eps_pred):
    # TODO: 全要素の平均二乗誤差 / the mean squared error over all elements
    raise NotImplementedError("eps_loss: TODO を埋めてください / fill in the TODO")
