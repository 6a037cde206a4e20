"""回帰の損失レイヤ: MAE と Huber 損失 / Regression loss layers: the MAE and the Huber loss.

y（予測）と t（正解）は形 (N, D) の float64 配列です。損失は要素ごとの値を D 個の出力について足し、
バッチの N で割ります（L = (1/N) Σ_n Σ_d ℓ(y − t)）。
- MAELoss: ℓ(r) = |r|
- HuberLoss(delta): ℓ(r) = r²/2（|r| <= delta）、delta·(|r| − delta/2)（|r| > delta）
forward(y, t) は損失（スカラー）を返し、残差 r = y − t を self.r に保存します。backward(dout=1.0) は
dout · ∂L/∂y を形 (N, D) で返します（|r| の r = 0 での微分は sign(0) = 0 とします）。

y (predictions) and t (targets) are float64 arrays of shape (N, D). The loss sums the elementwise values over
the D outputs and divides by the batch size N (L = (1/N) Σ_n Σ_d ℓ(y − t)).
- MAELoss: ℓ(r) = |r|
- HuberLoss(delta): ℓ(r) = r²/2 (|r| <= delta), delta·(|r| − delta/2) (|r| > delta)
forward(y, t) returns the loss (a scalar) and keeps the residual r = y − t in self.r; backward(dout=1.0)
returns dout · ∂L/∂y, shaped (N, D) (the derivative of |r| at r = 0 is taken as sign(0) = 0).
"""
import numpy as np


class MAELoss:
    def __init__(self):
        self.r = None   # 直前の forward の残差 y − t / the residual y − t of the latest forward

    def forward(self, y, t):
        # TODO: self.r を保存し、(1/N) Σ |r| を返す / keep self.r, return (1/N) Σ |r|
        raise NotImplementedError("MAELoss.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout=1.0):
        # TODO: dout · ∂L/∂y を (N, D) で返す / return dout · ∂L/∂y, shaped (N, D)
        raise NotImplementedError("MAELoss.backward: TODO を埋めてください / fill in the TODO")


class HuberLoss:
    def __init__(self, delta=1.0):
        self.delta = delta
        self.r = None   # 直前の forward の残差 y − t / the residual y − t of the latest forward

    def forward(self, y, t):
        # TODO: self.r を保存し、(1/N) Σ ℓ(r) を返す / keep self.r, return (1/N) Σ ℓ(r)
        raise NotImplementedError("HuberLoss.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout=1.0):
        # TODO: dout · ∂L/∂y を (N, D) で返す / return dout · ∂L/∂y, shaped (N, D)
        raise NotImplementedError("HuberLoss.backward: TODO を埋めてください / fill in the TODO")
