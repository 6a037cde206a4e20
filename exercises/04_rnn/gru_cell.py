"""GRU レイヤ 1 ステップの順伝播と逆伝播（ゼロから作るDeep Learning 2, 付録 C の式）。

Wx (D, 3H)、Wh (H, 3H)、b (3H,) の列を z, r, h の順に H 列ずつ使います
（Wx_z = Wx[:, :H]、Wx_r = Wx[:, H:2H]、Wx_h = Wx[:, 2H:]。Wh, b も同じ）:
    z     = sigmoid(x @ Wx_z + h_prev @ Wh_z + b_z)              更新ゲート
    r     = sigmoid(x @ Wx_r + h_prev @ Wh_r + b_r)              リセットゲート
    h_hat = tanh(x @ Wx_h + (r * h_prev) @ Wh_h + b_h)           r は行列積の「前」に h_prev に掛ける
    h_next = (1 - z) * h_prev + z * h_hat                        z が新しい候補 h_hat の側
形状: x (N, D)、h_prev (N, H)。forward(x, h_prev) -> h_next (N, H)。
backward(dh_next) -> (dx, dh_prev)。dWx, dWh, db は self.grads[0], [1], [2] にその場で書き込みます。

One step of a GRU with book 2's appendix-C equations (above). The columns of Wx (D, 3H), Wh (H, 3H)
and b (3H,) hold z, r, h in that order, H columns each. r multiplies h_prev BEFORE the product with
Wh_h; z weighs the new candidate h_hat and (1 - z) the old h_prev.
forward(x, h_prev) -> h_next (N, H). backward(dh_next) -> (dx, dh_prev); write dWx, dWh, db IN
PLACE into self.grads[0], [1], [2] (self.grads[0][...] = dWx).
"""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class GRU:
    def __init__(self, Wx, Wh, b):
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.cache = None   # backward で使う値を forward で保存 / what backward needs, kept by forward

    def forward(self, x, h_prev):
        # TODO: z, r, h_hat, h_next を上の式どおりに計算し、必要な値を self.cache に保存して h_next を返す
        #       compute z, r, h_hat, h_next as above, keep what backward needs, return h_next
        raise NotImplementedError("GRU.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dh_next):
        # TODO: dWx, dWh, db（列は z, r, h の順）を self.grads にその場で書き込み、(dx, dh_prev) を返す
        #       write dWx, dWh, db (columns in the order z, r, h) into self.grads in place,
        #       return (dx, dh_prev)
        raise NotImplementedError("GRU.backward: TODO を埋めてください / fill in the TODO")
