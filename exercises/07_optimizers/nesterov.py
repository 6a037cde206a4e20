"""Nesterov（ゼロから作るDeep Learning 1, 6 章の形）/ Nesterov's accelerated gradient (book 1's form).

update(params, grads) を完成させてください。
  params, grads: 同じキー（'W1', 'b1', ...）を持つ、float64 配列の辞書（形状はキーごとに違います）。
  1 巻の形（キーごと、この順番で）:
    1. W ← W + momentum²·v − (1 + momentum)·lr·∂L/∂W   （古い v を使う）
    2. v ← momentum·v − lr·∂L/∂W
  （2 巻の Nesterov は v を先に更新する別のコードです。この問題は 1 巻の形です。）
  v は最初の update で params と同じ形状の 0 で作り、self.v（辞書）に保存して次の呼び出しへ持ち越します。
  params の配列はその場で（in place）書き換え、何も返しません。

Complete update(params, grads).
  params, grads: dicts of float64 arrays with the same keys ('W1', 'b1', ...); shapes differ by key.
  Book 1's form, for every key, in this order:
    1. W ← W + momentum²·v − (1 + momentum)·lr·∂L/∂W   (with the OLD v)
    2. v ← momentum·v − lr·∂L/∂W
  (Book 2's Nesterov updates v first: different code. This problem follows book 1.)
  Create v as zeros shaped like params on the first update and keep it in self.v (a dict) for the next calls.
  Change the arrays in params IN PLACE and return nothing.
"""
import numpy as np


class Nesterov:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None   # 速度（キーごとの配列の辞書）/ velocity: a dict of arrays, one per key

    def update(self, params, grads):
        # TODO: 最初の呼び出しで self.v を作り、params（古い v で）→ v の順に更新（in place）
        #       create self.v on the first call; update params (with the old v), then v (in place)
        raise NotImplementedError("Nesterov.update: TODO を埋めてください / fill in the TODO")
