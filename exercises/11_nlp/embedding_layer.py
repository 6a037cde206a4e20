"""Embedding レイヤ（ゼロから作るDeep Learning 2, 4 章）。

W (V, D) は単語の分散表現を行に並べた行列、idx (N,) は単語 ID の整数配列（同じ ID が何度も出ることがあります）。
forward(idx) は W の idx の行を取り出した (N, D) を返します。
backward(dout)（dout (N, D) = ∂L/∂out）は ∂L/∂W (V, D) を self.grads[0] に「その場で」書き込み、None を返します。
同じ ID が k 回出たら、その行には dout の k 行分の「合計」が入ります。前回の呼び出しの勾配は残しません。

Book 2's Embedding layer. W (V, D) holds one word vector per row; idx (N,) is an integer array of word
ids (an id may occur several times). forward(idx) returns the rows W[idx], (N, D).
backward(dout), with dout (N, D) = ∂L/∂out, writes ∂L/∂W (V, D) IN PLACE into self.grads[0] and
returns None. An id that occurs k times gets the SUM of its k rows of dout; nothing of the previous
call's gradient may remain.
"""
import numpy as np


class Embedding:
    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.idx = None

    def forward(self, idx):
        # TODO: idx を保存し、W の idx の行を返す / keep idx and return the rows of W at idx
        raise NotImplementedError("Embedding.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: ∂L/∂W を self.grads[0] にその場で書き込む（重複する ID に注意）
        #       write ∂L/∂W into self.grads[0] in place (mind repeated ids)
        raise NotImplementedError("Embedding.backward: TODO を埋めてください / fill in the TODO")
