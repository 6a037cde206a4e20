"""マルチラベル分類: シグモイドと二値交差エントロピー / Multi-label classification: sigmoid with binary cross entropy.

x はスコア（シグモイドの前の値）、t は 0/1 のラベルで、どちらも形 (N, K) の float64 配列です（N サンプル、
K クラス。1 つのサンプルが複数のクラスに属せます）。
forward(x, t): 損失 L = −(1/(N·K)) Σ [t log σ(x) + (1 − t) log(1 − σ(x))] を返します（N·K 個すべての平均）。
    |x| が 1000 ほどになってもあふれない安定な形で計算します。
backward(dout=1.0): dout · ∂L/∂x を形 (N, K) で返します。

x holds the scores (the values before the sigmoid) and t the 0/1 labels, both float64 arrays of shape (N, K)
(N samples, K classes; a sample may belong to several classes).
forward(x, t): return the loss L = −(1/(N·K)) Σ [t log σ(x) + (1 − t) log(1 − σ(x))] (a mean over all N·K
    elements), computed in a stable form that does not overflow for |x| up to about 1000.
backward(dout=1.0): return dout · ∂L/∂x, shaped (N, K).
"""
import numpy as np


def sigmoid(x):
    # TODO: あふれないシグモイド / a sigmoid that does not overflow
    raise NotImplementedError("sigmoid: TODO を埋めてください / fill in the TODO")


class SigmoidBCELoss:
    def __init__(self):
        self.y = None   # σ(x)
        self.t = None

    def forward(self, x, t):
        # TODO: self.y と self.t を保存し、安定な形で L を返す / keep self.y and self.t, return L in a stable form
        raise NotImplementedError("SigmoidBCELoss.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout=1.0):
        # TODO: dout · ∂L/∂x を返す / return dout · ∂L/∂x
        raise NotImplementedError("SigmoidBCELoss.backward: TODO を埋めてください / fill in the TODO")
