# expect: pass
# one anchor at a time, with a log-sum-exp and an explicit candidate list
import numpy as np


def info_nce(z, tau):
    M = z.shape[0]
    N = M // 2
    loss = 0.0
    dz = np.zeros_like(z)
    for i in range(M):
        j = i + N if i < N else i - N
        others = [k for k in range(M) if k != i]
        s = z[others] @ z[i] / tau
        m = s.max()
        p = np.exp(s - m) / np.sum(np.exp(s - m))
        loss += -(z[i] @ z[j] / tau - m - np.log(np.sum(np.exp(s - m))))
        g = p.copy()
        g[others.index(j)] -= 1.0
        # s_k = z_i·z_k / τ: the anchor and each candidate both receive a gradient
        dz[i] += g @ z[others] / tau
        dz[others] += np.outer(g, z[i]) / tau
    return loss / M, dz / M
