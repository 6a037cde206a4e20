# expect: pass
# loops over the valid targets, the mask from a full −inf matrix, the log-softmax via np.logaddexp.reduce
import numpy as np


def causal_mask(T):
    return np.triu(np.full((T, T), -np.inf), k=1)


def causal_lm_loss(logits, ids, pad):
    N, T, V = logits.shape
    total, count = 0.0, 0
    dlogits = np.zeros_like(logits)
    pairs = [(n, t) for n in range(N) for t in range(T - 1) if not pad[n, t + 1]]
    for n, t in pairs:
        row = logits[n, t]
        log_p = row - np.logaddexp.reduce(row)
        total -= log_p[ids[n, t + 1]]
        g = np.exp(log_p)
        g[ids[n, t + 1]] -= 1.0
        dlogits[n, t] = g
        count += 1
    loss = total / count
    return loss, np.exp(loss), dlogits / count
