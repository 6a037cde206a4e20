# expect: fail
# diagnosis: the neighbouring row
# mistake: the paper's numbering (2k − 1, 2k) used for the pairs although the rows come as first N / last N
import numpy as np


def info_nce(z, tau):
    M = z.shape[0]
    S = z @ z.T / tau
    S[np.arange(M), np.arange(M)] = -np.inf
    pos = np.arange(M) ^ 1
    S = S - S.max(axis=1, keepdims=True)
    P = np.exp(S) / np.exp(S).sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(P[np.arange(M), pos]))
    G = P.copy()
    G[np.arange(M), pos] -= 1
    G /= M
    return float(loss), (G + G.T) @ z / tau
