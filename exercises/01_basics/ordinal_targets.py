"""順序回帰: K − 1 個の累積 2 値目標とその BCE / ordinal regression with K − 1 cumulative binary targets.

K 個の順序つきクラス 0, 1, …, K − 1 を、K − 1 個の 2 値分類「y > k か」（k = 0..K−2）で学習します。
  ordinal_targets(y, K): 正解クラス y (N,)（整数）から目標 (N, K − 1) の float64 配列を返します:
                         t[n, k] = 1.0 if y[n] > k else 0.0。
  ordinal_predict(a): logits a (N, K − 1) から予測クラス (N,)（整数）を返します: σ(a[n, k]) > 0.5 の個数
                      （ちょうど 0.5 の出力は数えません）。
  OrdinalBCELoss: forward(a, y) は L = −(1/N) Σ_n Σ_k [t log σ(a) + (1 − t) log(1 − σ(a))]（k について和、
                  バッチについて平均）を float で返し、backward(dout=1) は ∂L/∂a に dout を掛けて (N, K − 1) で
                  返します。1 つのオブジェクトを形の違う入力で何度も使います。

K ordered classes 0, 1, …, K − 1 are learned as K − 1 binary questions "is y > k?" (k = 0..K−2).
  ordinal_targets(y, K): from the classes y (N,) (integers), return the targets, a float64 array (N, K − 1):
                         t[n, k] = 1.0 if y[n] > k else 0.0.
  ordinal_predict(a): from the logits a (N, K − 1), return the predicted classes (N,) (integers): the number
                      of outputs with σ(a[n, k]) > 0.5 (an output of exactly 0.5 does not count).
  OrdinalBCELoss: forward(a, y) returns, as a float, L = −(1/N) Σ_n Σ_k [t log σ(a) + (1 − t) log(1 − σ(a))]
                  (summed over k, averaged over the batch); backward(dout=1) returns dout times ∂L/∂a,
                  shaped (N, K − 1). One object is used many times, with inputs of different shapes.
"""
import numpy as np


def ordinal_targets(y, K):
    """クラス y (N,) から目標 (N, K − 1): t[n, k] = 1 if y[n] > k / targets t[n, k] = 1 if y[n] > k."""
    # TODO: y と k = 0..K−2 を比べて float64 の 0/1 にする / compare y with k = 0..K−2, as float64 0/1
    raise NotImplementedError("ordinal_targets: TODO を埋めてください / fill in the TODO")


def ordinal_predict(a):
    """logits a (N, K − 1) から予測クラス (N,): σ(a) > 0.5 の個数 / the number of outputs with σ(a) > 0.5."""
    # TODO: 各行で σ(a) > 0.5 の出力を数える / count, per row, the outputs with σ(a) > 0.5
    raise NotImplementedError("ordinal_predict: TODO を埋めてください / fill in the TODO")


class OrdinalBCELoss:
    def __init__(self):
        self.p = None      # σ(a) (N, K − 1)
        self.t = None      # 目標 / the targets (N, K − 1)
        self.loss = None

    def forward(self, a, y):
        # TODO: 目標と σ(a) を self に保存し、BCE を k について足してバッチで平均した値を返す
        #       keep the targets and σ(a) in self; return the BCE summed over k and averaged over the batch
        raise NotImplementedError("OrdinalBCELoss.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout=1):
        # TODO: dout * ∂L/∂a を返す / return dout * ∂L/∂a
        raise NotImplementedError("OrdinalBCELoss.backward: TODO を埋めてください / fill in the TODO")
