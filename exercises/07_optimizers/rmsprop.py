"""RMSprop（ゼロから作るDeep Learning 1, 6 章）/ RMSprop (book 1, chapter 6).

update(params, grads) を完成させてください。
  params, grads: 同じキー（'W1', 'b1', ...）を持つ、float64 配列の辞書（形状はキーごとに違います）。
  1 巻の式（キーごと、要素ごと）:
    h ← decay_rate·h + (1 − decay_rate)·∂L/∂W ⊙ ∂L/∂W
    W ← W − lr · ∂L/∂W / (√h + 1e-7)      （1e-7 は平方根の外、分母に足す）
  h は最初の update で params と同じ形状の 0 で作り、self.h（辞書）に保存して次の呼び出しへ持ち越します。
  params の配列はその場で（in place）書き換え、何も返しません。

Complete update(params, grads).
  params, grads: dicts of float64 arrays with the same keys ('W1', 'b1', ...); shapes differ by key.
  Book 1's rule, for every key, elementwise:
    h ← decay_rate·h + (1 − decay_rate)·∂L/∂W ⊙ ∂L/∂W
    W ← W − lr · ∂L/∂W / (√h + 1e-7)      (1e-7 added outside the square root, to the denominator)
  Create h as zeros shaped like params on the first update and keep it in self.h (a dict) for the next calls.
  Change the arrays in params IN PLACE and return nothing.
"""
import numpy as np


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None   # 勾配の二乗の移動平均（キーごとの配列の辞書）/ moving averages of squared gradients

    def update(self, params, grads):
        # TODO: 最初の呼び出しで self.h を作り、h と params を更新（in place）
        #       create self.h on the first call, then update h and params (in place)
        raise NotImplementedError("RMSprop.update: TODO を埋めてください / fill in the TODO")
