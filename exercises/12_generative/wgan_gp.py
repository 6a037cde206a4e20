"""WGAN-GP（Gulrajani ら 2017）の critic の損失（勾配ペナルティつき）と生成器の損失を実装してください。

critic(x, W, c, v) -> (N,): 与えられた小さな critic D(x) = tanh(x W + c) · v（x: (N, D), W: (D, H), c: (H,), v: (H,)）
critic_input_grad(x, W, c, v) -> (N, D): 行 n が ∇_x D(x_n)（サンプルごとの入力についての勾配、解析的に）
critic_loss(real, fake, eps, W, c, v, lam) -> float:
  mean D(fake) − mean D(real) + lam · mean_n (‖∇_x D(x̂_n)‖₂ − 1)²、x̂ = eps · real + (1 − eps) · fake、eps: (N, 1)
generator_loss(fake, W, c, v) -> float: −mean D(fake)

Implement the WGAN-GP (Gulrajani et al. 2017) critic loss with its gradient penalty, and the generator loss.
critic(x, W, c, v) -> (N,): the given small critic D(x) = tanh(x W + c) · v (x: (N, D), W: (D, H), c: (H,), v: (H,))
critic_input_grad(x, W, c, v) -> (N, D): row n is ∇_x D(x_n) (each sample's input gradient, analytically)
critic_loss(real, fake, eps, W, c, v, lam) -> float:
  mean D(fake) − mean D(real) + lam · mean_n (‖∇_x D(x̂_n)‖₂ − 1)² with x̂ = eps · real + (1 − eps) · fake, eps: (N, 1)
generator_loss(fake, W, c, v) -> float: −mean D(fake)
"""

import numpy as np


def critic(x, W, c, v):
    # 与えられた critic（書き換えないでください）/ the given critic (do not change it)
    return np.tanh(x @ W + c) @ v


def critic_input_grad(x, W, c, v):
    # TODO: 各サンプルの ∇_x D(x)（tanh' = 1 − tanh²）/ each sample's ∇_x D(x) (tanh' = 1 − tanh²)
    raise NotImplementedError("critic_input_grad: TODO を埋めてください / fill in the TODO")


def critic_loss(real, fake, eps, W, c, v, lam):
    # TODO: Wasserstein の項と、補間点 x̂ での勾配ペナルティ / the Wasserstein terms and the gradient penalty at x̂
    raise NotImplementedError("critic_loss: TODO を埋めてください / fill in the TODO")


def generator_loss(fake, W, c, v):
    # TODO: 生成器は D(fake) を大きくしたい / the generator wants D(fake) to be large
    raise NotImplementedError("generator_loss: TODO を埋めてください / fill in the TODO")
