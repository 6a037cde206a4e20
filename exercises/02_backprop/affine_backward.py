"""Affine レイヤの逆伝播（ゼロから作るDeep Learning 1, 5 章）/ Backward pass of the Affine layer (book 1).

順伝播（書いてあります）: x を (N, D) に平らにして out = x @ W + b。
  x: (N, ...) 何次元でも（2 次元以上）。D = N 以外の軸の要素数の積。W: (D, M)、b: (M,)、out: (N, M)。
backward(dout) を完成させてください。dout: (N, M) = ∂L/∂out。
  self.dW (D, M) と self.db (M,) をセットし、dx を x の元の形状（self.original_x_shape）で返します。

Forward pass (given): flatten x to (N, D), then out = x @ W + b.
  x: (N, ...) of any ndim >= 2, D = product of the non-batch axes. W: (D, M), b: (M,), out: (N, M).
Complete backward(dout), with dout (N, M) = ∂L/∂out: set self.dW (D, M) and self.db (M,), and return dx
in x's original shape (self.original_x_shape).
"""
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None                 # 平らにした入力 (N, D) / the flattened input (N, D)
        self.original_x_shape = None  # 元の x の形状 / the original shape of x
        self.dW = None
        self.db = None

    def forward(self, x):
        self.original_x_shape = x.shape
        x = x.reshape(x.shape[0], -1)
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        # TODO: self.dW (D, M)、self.db (M,) をセット / set self.dW (D, M) and self.db (M,)
        # TODO: dx を計算し、元の形状 self.original_x_shape に戻して返す
        #       compute dx and return it reshaped to self.original_x_shape
        raise NotImplementedError("Affine.backward: TODO を埋めてください / fill in the TODO")
