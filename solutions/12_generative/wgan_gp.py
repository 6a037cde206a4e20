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
    a = np.tanh(x @ W + c)  # (N, H)
    return ((1.0 - a**2) * v) @ W.T  # (N, D): the chain rule, row by row


def critic_loss(real, fake, eps, W, c, v, lam):
    x_hat = eps * real + (1.0 - eps) * fake  # one ε per sample, broadcast over the features
    norms = np.sqrt(np.sum(critic_input_grad(x_hat, W, c, v) ** 2, axis=1))  # (N,): per sample
    penalty = np.mean((norms - 1.0) ** 2)
    return float(np.mean(critic(fake, W, c, v)) - np.mean(critic(real, W, c, v)) + lam * penalty)


def generator_loss(fake, W, c, v):
    return float(-np.mean(critic(fake, W, c, v)))
