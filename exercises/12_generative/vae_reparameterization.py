"""VAE の再パラメータ化トリックと、N(0, I) への KL ダイバージェンスを実装してください。

mu, log_var, eps: どれも (N, J)（N = バッチ、J = 潜在変数の次元）。log_var = log σ²（分散の対数）。
reparameterize(mu, log_var, eps) -> z = μ + σ ⊙ ε（σ = 標準偏差）: (N, J)
kl_divergence(mu, log_var) -> float: サンプルごとに -1/2 Σ_j (1 + log σ² − μ² − σ²)（潜在次元で和）、バッチで平均。

Implement the VAE reparameterization trick and the KL divergence to N(0, I).
mu, log_var, eps: each (N, J) (N = batch, J = latent dimension); log_var = log σ² (log of the variance).
reparameterize(mu, log_var, eps) -> z = μ + σ ⊙ ε (σ = standard deviation), shape (N, J).
kl_divergence(mu, log_var) -> float: per sample -1/2 Σ_j (1 + log σ² − μ² − σ²) (sum over the latent
dimensions), then the mean over the batch.
"""
import numpy as np


def reparameterize(mu, log_var, eps):
    # TODO: log_var から標準偏差 σ を作り、z = μ + σ ⊙ ε
    #       get the standard deviation σ from log_var, then z = μ + σ ⊙ ε
    raise NotImplementedError("reparameterize: TODO を埋めてください / fill in the TODO")


def kl_divergence(mu, log_var):
    # TODO: 潜在次元で和、バッチで平均 / sum over the latent dimensions, mean over the batch
    raise NotImplementedError("kl_divergence: TODO を埋めてください / fill in the TODO")
