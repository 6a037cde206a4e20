"""Softmax-with-Loss レイヤ（ゼロから作るDeep Learning 1, 5 章）/ The Softmax-with-Loss layer (book 1).

softmax(x): x (N, C) の各行のソフトマックス。行の最大値を引いてから exp（x が 1000 でもオーバーフローしない）。
SoftmaxWithLoss.forward(x, t): x (N, C) はスコア（ロジット）、t は one-hot (N, C) または正解ラベル (N,)。
    y = softmax(x) と t を覚え、交差エントロピー誤差（バッチ平均）を返す。
SoftmaxWithLoss.backward(dout=1): ∂L/∂x = (y − t) / N を返す（1 冊目の形。dout は使いません）。

softmax(x): row-wise softmax of x (N, C); subtract each row's max before exp (no overflow at x = 1000).
SoftmaxWithLoss.forward(x, t): x (N, C) are scores (logits); t is one-hot (N, C) or labels (N,).
    Keep y = softmax(x) and t, and return the cross-entropy error averaged over the batch.
SoftmaxWithLoss.backward(dout=1): return ∂L/∂x = (y − t) / N (book 1's form; dout is not used).
"""
import numpy as np


def softmax(x):
    """各行のソフトマックス (N, C) / row-wise softmax (N, C)."""
    # TODO: 行ごとの最大値を引いてから exp、行ごとの和で割る
    #       subtract each row's max, exp, divide by each row's sum
    raise NotImplementedError("softmax: TODO を埋めてください / fill in the TODO")


def cross_entropy_error(y, t):
    """問題 cross_entropy_error と同じ（1 冊目の形、与えられています）/ as in problem cross_entropy_error (given)."""
    # x is always (N, C) here (the statement says so), so the 1-D case of book 1's function is left out
    if t.size == y.size:          # one-hot -> labels
        t = t.argmax(axis=1)
    n = y.shape[0]
    return -np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n


class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None   # softmax の出力 (N, C) / softmax output (N, C)
        self.t = None   # 教師データ / targets: one-hot (N, C) or labels (N,)

    def forward(self, x, t):
        # TODO: self.t、self.y = softmax(x)、self.loss をセットして損失を返す
        #       set self.t, self.y = softmax(x) and self.loss, return the loss
        raise NotImplementedError("SoftmaxWithLoss.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout=1):
        # TODO: (y − t) / N を返す。t がラベル (N,) のときに注意
        #       return (y − t) / N; take care when t holds labels (N,)
        raise NotImplementedError("SoftmaxWithLoss.backward: TODO を埋めてください / fill in the TODO")
