"""因果マスクと次トークン予測の損失 / The causal mask and the next-token prediction loss."""

import numpy as np


def causal_mask(T):
    future = np.triu(np.ones((T, T), dtype=bool), k=1)  # j > i: keys after the query
    return np.where(future, -np.inf, 0.0)


def causal_lm_loss(logits, ids, pad):
    z = logits[:, :-1]  # position t predicts ids[:, t+1]
    target = ids[:, 1:]
    valid = ~pad[:, 1:]
    z = z - z.max(axis=-1, keepdims=True)
    log_p = z - np.log(np.sum(np.exp(z), axis=-1, keepdims=True))
    n, t = np.indices(target.shape)
    ce = -log_p[n, t, target]  # -log p(next token)
    count = np.sum(valid)
    loss = np.sum(ce * valid) / count
    dz = np.exp(log_p)
    dz[n, t, target] -= 1.0  # softmax - onehot
    dlogits = np.zeros_like(logits)
    dlogits[:, :-1] = dz * valid[..., None] / count  # the last position and the padding get 0
    return float(loss), float(np.exp(loss)), dlogits
