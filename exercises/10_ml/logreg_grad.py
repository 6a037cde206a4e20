"""ロジスティック回帰: 平均交差エントロピーの勾配 / Logistic regression: gradient of the mean cross entropy.

p = sigmoid(X @ w + b)（y = 1 となる確率）、
L = −(1/N) Σ_n [ y_n log p_n + (1 − y_n) log(1 − p_n) ]。
  X: (N, D)、y: (N,)（値は 0.0 か 1.0）、w: (D,)、b: スカラー（float）。
logreg_grad(X, y, w, b) は (dw, db) = (∂L/∂w（形状 (D,)）, ∂L/∂b（スカラー）) を返します。

p = sigmoid(X @ w + b) (the probability of y = 1),
L = −(1/N) Σ_n [ y_n log p_n + (1 − y_n) log(1 − p_n) ].
  X: (N, D), y: (N,) (values 0.0 or 1.0), w: (D,), b: a scalar (float).
logreg_grad(X, y, w, b) returns (dw, db) = (∂L/∂w, shape (D,); ∂L/∂b, a scalar).
"""
import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def logreg_grad(X, y, w, b):
    # TODO: p = sigmoid(X @ w + b) から dw (D,) と db（スカラー）を計算して (dw, db) を返す
    #       compute dw (D,) and db (a scalar) from p = sigmoid(X @ w + b); return (dw, db)
    raise NotImplementedError("logreg_grad: TODO を埋めてください / fill in the TODO")
