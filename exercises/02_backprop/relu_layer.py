"""ReLU レイヤ（ゼロから作るDeep Learning 1, 5 章）/ The ReLU layer (book 1, chapter 5).

forward(x): x は任意の形状の float64 配列。out = max(x, 0)（要素ごと）を返し、
            self.mask に真偽値配列 (x <= 0)（出力を 0 にする要素で True）を保存します。
backward(dout): dout は out と同じ形状の ∂L/∂out。∂L/∂x を返します（self.mask を使う）。

forward(x): x is a float64 array of any shape. Return out = max(x, 0) (elementwise) and keep the boolean
            array (x <= 0) in self.mask (True where the output is set to 0).
backward(dout): dout = ∂L/∂out, shaped like out. Return ∂L/∂x (using self.mask).
"""
import numpy as np


class Relu:
    def __init__(self):
        self.mask = None   # 真偽値配列 (x <= 0) / boolean array (x <= 0)

    def forward(self, x):
        # TODO: self.mask を作り、out を返す / set self.mask and return out
        raise NotImplementedError("Relu.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: dx を返す / return dx
        raise NotImplementedError("Relu.backward: TODO を埋めてください / fill in the TODO")
