"""Dropout（ゼロから作るDeep Learning 1, 6 章）/ Dropout (book 1, chapter 6).

Dropout(dropout_ratio=0.5) の forward(x, train_flg=True) と backward(dout) を完成させてください。x は任意の形状。
  学習時: マスクを np.random.rand(*x.shape) > dropout_ratio で 1 回だけ作り（True のユニットを残す）、
          x にマスクを掛けて返します。残したユニットの拡大（1 / (1 - ratio) 倍）はしません。
  テスト時（train_flg=False）: x * (1.0 - dropout_ratio) を返します。
  backward(dout): forward で作ったマスクを dout に掛けて返します。
  採点では forward を呼ぶ直前に np.random.seed(...) を呼ぶので、同じ乱数から同じマスクができます。

Complete forward(x, train_flg=True) and backward(dout) of Dropout(dropout_ratio=0.5). x may have any shape.
  Training: make the mask once, with np.random.rand(*x.shape) > dropout_ratio (True = kept), and return x
            times the mask. Kept units are NOT scaled up by 1 / (1 - ratio).
  Test (train_flg=False): return x * (1.0 - dropout_ratio).
  backward(dout): return dout times the mask made in forward.
  The grader calls np.random.seed(...) just before forward, so the same random numbers give the same mask.
"""
import numpy as np


class Dropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        # TODO: 学習時はマスクを作って掛ける。テスト時は (1 - dropout_ratio) を掛ける
        #       training: make the mask and apply it; test: multiply by (1 - dropout_ratio)
        raise NotImplementedError("Dropout.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: forward のマスクを dout に掛けて返す / apply forward's mask to dout
        raise NotImplementedError("Dropout.backward: TODO を埋めてください / fill in the TODO")
