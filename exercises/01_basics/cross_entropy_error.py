"""交差エントロピー誤差（ゼロから作るDeep Learning 1 の形）/ Cross-entropy error (book 1 API).

cross_entropy_error(y, t) を完成させてください。
- y: (N, C) の確率（ソフトマックスの出力）。t: one-hot (N, C) または正解ラベル (N,)（整数）。
- y が 1 次元 (C,) のとき（t も one-hot (C,)）は、バッチ数 1 のデータとして扱います。
- E = −(1/N) Σ_n log(y[n, 正解クラス] + 1e-7)。バッチで平均した float を返します。
  log(0) = −inf にならないよう、log の中に delta = 1e-7 を足します。

Complete cross_entropy_error(y, t).
- y: probabilities (N, C) (softmax outputs). t: one-hot (N, C) or integer labels (N,).
- A 1-D y (C,) (with a one-hot t (C,)) is a batch of one sample.
- E = −(1/N) Σ_n log(y[n, correct class] + 1e-7): return the batch mean as a float.
  delta = 1e-7 goes inside the log so that log(0) = −inf cannot happen.
"""
import numpy as np


def cross_entropy_error(y, t):
    """バッチ平均の交差エントロピー誤差 / mean cross-entropy error over the batch."""
    delta = 1e-7
    # TODO: y が 1 次元なら (1, C) に、t も (1, C) にそろえる / make a 1-D y (and t) a batch of one
    # TODO: t が one-hot なら正解ラベル (N,) に直す / turn a one-hot t into labels (N,)
    # TODO: −Σ log(y[正解] + delta) / N を返す / return −Σ log(y[correct] + delta) / N
    raise NotImplementedError("cross_entropy_error: TODO を埋めてください / fill in the TODO lines")
