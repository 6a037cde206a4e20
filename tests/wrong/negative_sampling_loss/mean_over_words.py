# expect: fail
# diagnosis: you also averaged over the 1 + K words
# mistake: the 1 + K per-word losses are averaged (np.mean over all scores) instead of summed
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def ns_loss(h, W_out, target, negatives):
    N, K = negatives.shape
    ids = np.concatenate((target[:, None], negatives), axis=1)     # (N, 1 + K)
    labels = np.zeros(ids.shape)
    labels[:, 0] = 1
    w = W_out[ids]                                                 # (N, 1 + K, H)
    p = sigmoid(np.einsum("nh,nkh->nk", h, w))
    loss = np.mean(-(labels * np.log(p) + (1 - labels) * np.log(1 - p)))
    dh = np.einsum("nk,nkh->nh", p - labels, w) / (N * (1 + K))
    return loss, dh
