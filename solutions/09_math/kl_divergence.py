"""KL ダイバージェンス（行ごと、nat）/ KL divergence of each row, in nats."""
import numpy as np


def kl_divergence(p, q):
    # KL(p||q) = sum_k p log(p / q); terms with p = 0 count as 0 (q > 0 everywhere)
    log_ratio = np.log(p / q, out=np.zeros_like(p), where=p > 0)   # 0 where p = 0, never log(0)
    return np.sum(p * log_ratio, axis=1)
