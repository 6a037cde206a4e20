"""Momentum（ゼロから作るDeep Learning 1, 6 章）/ Momentum SGD (book 1, chapter 6).

update(params, grads) を完成させてください。
  params, grads: 同じキー（'W1', 'b1', ...）を持つ、float64 配列の辞書（形状はキーごとに違います）。
  1 巻の式: v ← momentum·v − lr·∂L/∂W、W ← W + v（キーごと）。
  v は最初の update で params と同じ形状の 0 で作り、self.v（辞書）に保存して次の呼び出しへ持ち越します。
  params の配列はその場で（in place）書き換え、何も返しません。

Complete update(params, grads).
  params, grads: dicts of float64 arrays with the same keys ('W1', 'b1', ...); shapes differ by key.
  Book 1's rule, for every key: v ← momentum·v − lr·∂L/∂W, then W ← W + v.
  Create v as zeros shaped like params on the first update, keep it in self.v (a dict) for the next calls.
  Change the arrays in params IN PLACE and return nothing.
"""
import numpy as np


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None   # 速度（キーごとの配列の辞書）/ velocity: a dict of arrays, one per key

    def update(self, params, grads):
        # TODO: 最初の呼び出しで self.v を作り、v と params を更新（in place）
        #       create self.v on the first call, then update v and params (in place)
        raise NotImplementedError("Momentum.update: TODO を埋めてください / fill in the TODO")
