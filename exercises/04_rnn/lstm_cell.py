"""LSTM レイヤ 1 ステップの順伝播と逆伝播（ゼロから作るDeep Learning 2, 6 章）。

4 つのアフィン変換をまとめて A = x @ Wx + h_prev @ Wh + b (N, 4H) とし、列を f, g, i, o の順に
H 列ずつ使います（A[:, :H] が f）:
    f = sigmoid(A[:, :H])        g = tanh(A[:, H:2H])
    i = sigmoid(A[:, 2H:3H])     o = sigmoid(A[:, 3H:])
    c_next = f * c_prev + g * i
    h_next = o * tanh(c_next)
形状: x (N, D)、h_prev, c_prev (N, H)、Wx (D, 4H)、Wh (H, 4H)、b (4H,)。
forward(x, h_prev, c_prev) -> (h_next, c_next)。
backward(dh_next, dc_next) -> (dx, dh_prev, dc_prev)。dWx, dWh, db は self.grads[0], [1], [2] に
その場で書き込みます（self.grads[0][...] = dWx）。

One step of book 2's LSTM layer. The four affine maps are computed at once,
A = x @ Wx + h_prev @ Wh + b (N, 4H), whose columns hold f, g, i, o in that order, H columns each
(A[:, :H] is f); the equations are above. Shapes: x (N, D), h_prev, c_prev (N, H), Wx (D, 4H),
Wh (H, 4H), b (4H,). forward(x, h_prev, c_prev) -> (h_next, c_next).
backward(dh_next, dc_next) -> (dx, dh_prev, dc_prev); write dWx, dWh, db IN PLACE into
self.grads[0], [1], [2] (self.grads[0][...] = dWx).
"""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class LSTM:
    def __init__(self, Wx, Wh, b):
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.cache = None   # backward で使う値を forward で保存 / what backward needs, kept by forward

    def forward(self, x, h_prev, c_prev):
        # TODO: A を計算し、f, g, i, o（この順）に分けて c_next, h_next を求める。
        #       backward に必要な値を self.cache に保存して (h_next, c_next) を返す
        #       compute A, split it into f, g, i, o (in this order), compute c_next and h_next,
        #       keep what backward needs in self.cache and return (h_next, c_next)
        raise NotImplementedError("LSTM.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dh_next, dc_next):
        # TODO: dA (N, 4H) を f, g, i, o の順に組み立て、dWx, dWh, db を self.grads にその場で書き込み、
        #       (dx, dh_prev, dc_prev) を返す
        #       build dA (N, 4H) in the order f, g, i, o, write dWx, dWh, db into self.grads in place
        #       and return (dx, dh_prev, dc_prev)
        raise NotImplementedError("LSTM.backward: TODO を埋めてください / fill in the TODO")
