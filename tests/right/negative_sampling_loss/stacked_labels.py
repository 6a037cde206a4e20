# expect: pass
# the same loss with the 1 + K words stacked and labels 1, 0, ..., 0 (summed per sample, batch mean)
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
    loss = np.sum(-(labels * np.log(p) + (1 - labels) * np.log(1 - p))) / N
    dh = np.einsum("nk,nkh->nh", p - labels, w) / N
    return loss, dh
