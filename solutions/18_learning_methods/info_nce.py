"""SimCLR の NT-Xent（InfoNCE）損失と z についての勾配 / SimCLR's NT-Xent (InfoNCE) loss and its gradient."""

import numpy as np


def info_nce(z, tau):
    M = z.shape[0]  # 2N anchors
    N = M // 2
    S = z @ z.T / tau  # (2N, 2N) similarities
    S = np.where(np.eye(M, dtype=bool), -np.inf, S)  # an anchor is never its own candidate
    pos = (np.arange(M) + N) % M  # rows i and i + N are the two views of one sample
    S_max = S.max(axis=1, keepdims=True)
    E = np.exp(S - S_max)  # exp(-inf) = 0 on the diagonal
    total = E.sum(axis=1, keepdims=True)
    log_prob = S - S_max - np.log(total)  # log-softmax over the other 2N − 1 rows
    loss = -np.mean(log_prob[np.arange(M), pos])
    G = E / total  # softmax, 0 on the diagonal
    G[np.arange(M), pos] -= 1.0
    G /= M  # dloss/dS
    dz = (G + G.T) @ z / tau  # S = z zᵀ / τ: z appears on both sides
    return float(loss), dz
