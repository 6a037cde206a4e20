# expect: fail
# diagnosis: through a normalisation of z inside the function
# mistake: z normalised again inside the function; the loss is right, the gradient is projected
import numpy as np


def info_nce(z, tau):
    M = z.shape[0]
    N = M // 2
    norm = np.linalg.norm(z, axis=1, keepdims=True)
    u = z / norm
    S = u @ u.T / tau
    np.fill_diagonal(S, -np.inf)
    pos = (np.arange(M) + N) % M
    S = S - S.max(axis=1, keepdims=True)
    P = np.exp(S) / np.exp(S).sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(P[np.arange(M), pos]))
    G = P.copy()
    G[np.arange(M), pos] -= 1
    G /= M
    du = (G + G.T) @ u / tau
    dz = (du - np.sum(du * u, axis=1, keepdims=True) * u) / norm
    return float(loss), dz
