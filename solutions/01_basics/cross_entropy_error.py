"""交差エントロピー誤差（ゼロから作るDeep Learning 1 の形）/ Cross-entropy error (book 1 API).

y: (N, C) の確率、t: one-hot (N, C) または正解ラベル (N,)。1 次元の y はバッチ数 1。
y: probabilities (N, C); t: one-hot (N, C) or labels (N,). A 1-D y is a batch of one.
"""
import numpy as np


def cross_entropy_error(y, t):
    """バッチ平均の交差エントロピー誤差 / mean cross-entropy error over the batch."""
    delta = 1e-7
    if y.ndim == 1:                      # one sample: a batch of one (t is then one-hot (C,))
        y = y[np.newaxis, :]
        t = t[np.newaxis, :]
    n = y.shape[0]
    labels = t.argmax(axis=1) if t.shape == y.shape else t.astype(np.intp)
    picked = y[np.arange(n), labels]     # probability given to the correct class, (N,)
    return float(-np.log(picked + delta).sum() / n)
