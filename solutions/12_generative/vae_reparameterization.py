"""VAE の再パラメータ化トリックと KL 項 / The VAE reparameterization trick and KL term."""
import numpy as np


def reparameterize(mu, log_var, eps):
    std = np.exp(0.5 * log_var)          # σ = exp(log σ² / 2)
    return mu + std * eps                # z = μ + σ ⊙ ε


def kl_divergence(mu, log_var):
    # KL(N(μ, σ²) || N(0, I)) per sample: -1/2 Σ_j (1 + log σ² - μ² - σ²)
    per_sample = -0.5 * np.sum(1 + log_var - mu ** 2 - np.exp(log_var), axis=1)
    return float(np.mean(per_sample))    # mean over the batch
