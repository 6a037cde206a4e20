"""線形回帰の MSE 損失の勾配 / Gradient of the MSE loss of linear regression."""
import numpy as np


def linreg_grad(X, y, w, b):
    """X (N, D), y (N,), w (D,), b (float) -> (dw (D,), db (float)) of L = (1/N) Σ (X w + b − y)²."""
    N = X.shape[0]
    r = X @ w + b - y                 # residuals (N,)
    dw = 2.0 / N * (X.T @ r)          # (D,)
    db = 2.0 / N * np.sum(r)          # scalar
    return dw, db
