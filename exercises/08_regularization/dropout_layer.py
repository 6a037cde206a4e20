"""Dropout（『ゼロから作るDeep Learning』（1 巻）6 章）と inverted dropout / book 1's Dropout and inverted dropout.

2 つのクラスを完成させてください。x は任意の形状、dropout_ratio はユニットを消す確率です。
Dropout(dropout_ratio=0.5) — 1 巻の方式（学習時は拡大せず、テスト時に縮める）:
  学習時: マスクを np.random.rand(*x.shape) > dropout_ratio で 1 回だけ作り（True のユニットを残す）、
          x にマスクを掛けて返します。残したユニットの拡大（1 / (1 - ratio) 倍）はしません。
  テスト時（train_flg=False）: x * (1.0 - dropout_ratio) を返します。
  backward(dout): forward で作ったマスクを dout に掛けて返します。
InvertedDropout(dropout_ratio=0.5) — torch.nn.Dropout の方式（学習時に拡大し、テスト時は何もしない）:
  学習時: 呼ぶたびに同じ規則で新しいマスクを作り、x * マスク / (1 - dropout_ratio) を返します。
  テスト時（train_flg=False）: x をそのまま返します。
  backward(dout): 直前の forward と同じマスクと倍率を dout に掛けて返します。
採点では forward を呼ぶ前に np.random.seed(...) を呼びます。学習時の forward で使う乱数は
np.random.rand(*x.shape) の 1 回だけにしてください（同じシードから同じマスクができます）。

Complete both classes. x may have any shape; dropout_ratio is the probability of dropping a unit.
Dropout(dropout_ratio=0.5) — book 1's form (no scaling in training, scale down at test time):
  Training: make the mask once, with np.random.rand(*x.shape) > dropout_ratio (True = kept), and return x
            times the mask. Kept units are NOT scaled up by 1 / (1 - ratio).
  Test (train_flg=False): return x * (1.0 - dropout_ratio).
  backward(dout): return dout times the mask made in forward.
InvertedDropout(dropout_ratio=0.5) — torch.nn.Dropout's form (scale up in training, nothing at test time):
  Training: on every call make a new mask by the same rule and return x * mask / (1 - dropout_ratio).
  Test (train_flg=False): return x unchanged.
  backward(dout): return dout times the same mask and factor as the last forward.
The grader calls np.random.seed(...) before forward. A training forward draws random numbers only once,
with np.random.rand(*x.shape) (the same seed then gives the same mask).
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


class InvertedDropout:
    def __init__(self, dropout_ratio=0.5):
        self.dropout_ratio = dropout_ratio
        self.mask = None

    def forward(self, x, train_flg=True):
        # TODO: 学習時は新しいマスクを作り、掛けてから 1 / (1 - dropout_ratio) 倍する。テスト時は x をそのまま返す
        #       training: draw a new mask, apply it and scale by 1 / (1 - dropout_ratio); test: return x
        raise NotImplementedError("InvertedDropout.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: forward と同じマスクと倍率を dout に掛けて返す / apply forward's mask and factor to dout
        raise NotImplementedError("InvertedDropout.backward: TODO を埋めてください / fill in the TODO")
