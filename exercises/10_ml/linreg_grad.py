"""線形回帰: 平均二乗誤差の勾配 / Linear regression: gradient of the mean squared error.

予測 ŷ = X @ w + b、損失 L = (1/N) Σ_n (ŷ_n − y_n)²（1/2 は付けません）。
  X: (N, D)、y: (N,)、w: (D,)、b: スカラー（float）。N はサンプル数。
linreg_grad(X, y, w, b) は (dw, db) = (∂L/∂w（形状 (D,)）, ∂L/∂b（スカラー）) を返します。
numpy だけで書いてください（ループ不要）。

Prediction ŷ = X @ w + b, loss L = (1/N) Σ_n (ŷ_n − y_n)² (no factor 1/2).
  X: (N, D), y: (N,), w: (D,), b: a scalar (float). N is the number of samples.
linreg_grad(X, y, w, b) returns (dw, db) = (∂L/∂w, shape (D,); ∂L/∂b, a scalar). numpy only, no loop needed.
"""
import numpy as np


def linreg_grad(X, y, w, b):
    # TODO: 残差 r = X @ w + b − y から dw (D,) と db（スカラー）を計算して (dw, db) を返す
    #       compute dw (D,) and db (a scalar) from the residuals r = X @ w + b − y; return (dw, db)
    raise NotImplementedError("linreg_grad: TODO を埋めてください / fill in the TODO")
