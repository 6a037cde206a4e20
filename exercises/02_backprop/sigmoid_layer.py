"""Sigmoid レイヤ（ゼロから作るDeep Learning 1, 5 章）/ The Sigmoid layer (book 1, chapter 5).

forward(x): x は任意の形状の float64 配列。out = σ(x) = 1 / (1 + exp(−x))（要素ごと）を返し、self.out に保存します。
backward(dout): dout は out と同じ形状の ∂L/∂out。∂L/∂x を、保存した self.out を使って返します。

forward(x): x is a float64 array of any shape. Return out = σ(x) = 1 / (1 + exp(−x)) (elementwise) and keep it
            in self.out.
backward(dout): dout = ∂L/∂out, shaped like out. Return ∂L/∂x, using the self.out kept by forward.
"""
import numpy as np


class Sigmoid:
    def __init__(self):
        self.out = None   # forward の出力 / forward's output

    def forward(self, x):
        # TODO: out を計算して self.out に保存し、返す / compute out, keep it in self.out, return it
        raise NotImplementedError("Sigmoid.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: self.out を使って dx を返す / return dx, using self.out
        raise NotImplementedError("Sigmoid.backward: TODO を埋めてください / fill in the TODO")
