"""Scaled Dot-Product Attention（"Attention Is All You Need"）/ Scaled dot-product attention."""
import numpy as np


def attention(Q, K, V, mask=None):
    d = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d)          # (N, Tq, Tk)
    if mask is not None:
        scores = np.where(mask, -1e9, scores)                  # True = blocked
    scores = scores - scores.max(axis=-1, keepdims=True)       # softmax over the key axis
    w = np.exp(scores)
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V, w                                            # (N, Tq, dv), (N, Tq, Tk)
