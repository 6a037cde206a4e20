"""SGD（ゼロから作るDeep Learning 1, 6 章）/ SGD (book 1, chapter 6).

update(params, grads) を完成させてください。
  params, grads: 同じキー（'W1', 'b1', ...）を持つ辞書。値は float64 の配列（キーごとに形状が違います）。
  各キーについて W ← W − lr · ∂L/∂W を計算し、params の配列をその場で（in place）書き換えます。
  何も返しません。lr は __init__(lr=0.01) で受け取ったもの（self.lr）です。

Complete update(params, grads).
  params, grads: dicts with the same keys ('W1', 'b1', ...); values are float64 arrays (shapes differ by key).
  For every key compute W ← W − lr · ∂L/∂W, changing the arrays in params IN PLACE. Return nothing.
  lr is the one given to __init__(lr=0.01) (self.lr).
"""
import numpy as np


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        # TODO: params の各配列をその場で更新 / update every array in params in place
        raise NotImplementedError("SGD.update: TODO を埋めてください / fill in the TODO")
