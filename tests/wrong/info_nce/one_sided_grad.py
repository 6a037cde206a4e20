# expect: fail
# diagnosis: dz is only G z / τ
# mistake: the gradient treats z zᵀ as if only the left z were the variable
import numpy as np


def info_nce(z, tau):
    M = z.shape[0]
    N = M // 2
    S = z @ z.T / tau
    np.fill_diagonal(S, -np.inf)
    pos = (np.arange(M) + N) % M
    S = S - S.max(axis=1, keepdims=True)
    P = np.exp(S) / np.exp(S).sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(P[np.arange(M), pos]))
    G = P.copy()
    G[np.arange(M), pos] -= 1
    return float(loss), G @ z / (M * tau)
