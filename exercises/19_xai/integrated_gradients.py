"""Integrated Gradients（Sundararajan ら 2017）の帰属値を、経路積分の右リーマン和で求めてください。

integrated_gradients(x, baseline, grad_fn, m) -> ig
  x, baseline: (N, D)、grad_fn(z): z (M, D) の各行での ∂F/∂z (M, D)、m: 分割数（整数 ≥ 1）
  ig = (x − x') ⊙ (1/m) Σ_{k=1..m} grad_fn(x' + (k/m)(x − x'))   (N, D)

Compute the Integrated Gradients attributions (Sundararajan et al. 2017) with the right Riemann sum of the
path integral.
  x, baseline: (N, D); grad_fn(z): ∂F/∂z at each row of z (M, D), shape (M, D); m: the number of steps (int ≥ 1)
  ig = (x − x') ⊙ (1/m) Σ_{k=1..m} grad_fn(x' + (k/m)(x − x')), shape (N, D)
"""
import numpy as np


def integrated_gradients(x, baseline, grad_fn, m):
    # TODO: ベースラインから x への直線上の m 点（k = 1..m）で勾配を求めて平均し、(x − x') を要素ごとに掛ける
    #       average the gradients at the m points k = 1..m on the line from the baseline to x, times (x − x')
    raise NotImplementedError("integrated_gradients: TODO を埋めてください / fill in the TODO")
