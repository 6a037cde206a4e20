"""RNN レイヤ 1 ステップの順伝播と逆伝播（ゼロから作るDeep Learning 2, 5 章）。

    h_next = tanh(h_prev @ Wh + x @ Wx + b)
形状: x (N, D)、h_prev (N, H)、Wx (D, H)、Wh (H, H)、b (H,)、h_next (N, H)。
forward(x, h_prev) は h_next を返します。backward(dh_next)（dh_next = ∂L/∂h_next, (N, H)）は
(dx, dh_prev) を返し、∂L/∂Wx, ∂L/∂Wh, ∂L/∂b を self.grads[0], [1], [2] に「その場で」書き込みます
（self.grads[0][...] = dWx。self.grads[0] = dWx と差し替えるのは誤りです）。

Forward and backward of one step of book 2's RNN layer:
    h_next = tanh(h_prev @ Wh + x @ Wx + b)
Shapes: x (N, D), h_prev (N, H), Wx (D, H), Wh (H, H), b (H,), h_next (N, H).
forward(x, h_prev) returns h_next. backward(dh_next), with dh_next = ∂L/∂h_next (N, H), returns
(dx, dh_prev) and writes ∂L/∂Wx, ∂L/∂Wh, ∂L/∂b IN PLACE into self.grads[0], [1], [2]
(self.grads[0][...] = dWx; rebinding self.grads[0] = dWx is wrong).
"""
import numpy as np


class RNN:
    def __init__(self, Wx, Wh, b):
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.cache = None   # backward で使う値を forward で保存 / what backward needs, kept by forward

    def forward(self, x, h_prev):
        # TODO: h_next を計算し、backward に必要な値を self.cache に保存して h_next を返す
        #       compute h_next, keep what backward needs in self.cache, return h_next
        raise NotImplementedError("RNN.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dh_next):
        # TODO: dWx, dWh, db を self.grads にその場で書き込み、(dx, dh_prev) を返す
        #       write dWx, dWh, db into self.grads in place and return (dx, dh_prev)
        raise NotImplementedError("RNN.backward: TODO を埋めてください / fill in the TODO")
