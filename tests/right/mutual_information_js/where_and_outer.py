# expect: pass
# np.where with safe arguments instead of boolean indexing; np.outer for p(x) p(y)
import numpy as np


def mutual_information(pxy):
    indep = np.outer(pxy.sum(axis=1), pxy.sum(axis=0))
    safe = np.where(pxy > 0, pxy, 1.0)
    return float(np.sum(np.where(pxy > 0, pxy * np.log(safe / np.where(pxy > 0, indep, 1.0)), 0.0)))


def js_divergence(p, q):
    m = (p + q) / 2

    def kl(a):
        safe_a = np.where(a > 0, a, 1.0)
        safe_m = np.where(a > 0, m, 1.0)
        return np.sum(np.where(a > 0, a * np.log(safe_a / safe_m), 0.0), axis=1)

    return (kl(p) + kl(q)) / 2
