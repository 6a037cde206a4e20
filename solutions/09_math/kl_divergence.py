"""KL ダイバージェンス（行ごと、nat）/ KL divergence of each row, in nats."""
import numpy as np


def kl_divergence(p, q):
    # KL(p||q) = sum_k p log(p / q); terms with p = 0 count as 0 (q > 0 everywhere)
    safe = np.where(p > 0, p, 1.0)
    terms = np.where(p > 0, p * np.log(safe / q), 0.0)
    return np.sum(terms, axis=1)
