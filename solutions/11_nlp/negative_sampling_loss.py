"""負例サンプリングの損失と ∂L/∂h（word2vec、ゼロから作るDeep Learning 2, 4 章）— 参考解答。"""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def ns_loss(h, W_out, target, negatives):
    N = h.shape[0]
    w_pos = W_out[target]                             # (N, H)
    w_neg = W_out[negatives]                          # (N, K, H)
    p_pos = sigmoid(np.sum(h * w_pos, axis=1))        # (N,)   should go to 1 (label 1)
    p_neg = sigmoid(np.einsum("nh,nkh->nk", h, w_neg))  # (N, K) should go to 0 (label 0)
    loss = -(np.sum(np.log(p_pos)) + np.sum(np.log(1 - p_neg))) / N
    # d(-log σ(s))/ds = σ(s) - 1 ; d(-log(1 - σ(s)))/ds = σ(s)  (σ(s) - label in both cases)
    dh = ((p_pos - 1)[:, None] * w_pos + np.einsum("nk,nkh->nh", p_neg, w_neg)) / N
    return loss, dh
