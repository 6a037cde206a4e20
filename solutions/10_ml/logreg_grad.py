"""ロジスティック回帰の交差エントロピーの勾配 / Gradient of the cross entropy of logistic regression."""
import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def logreg_grad(X, y, w, b):
    """X (N, D), y (N,) in {0, 1}, w (D,), b (float) -> (dw (D,), db (float))."""
    N = X.shape[0]
    p = sigmoid(X @ w + b)            # P(y = 1 | x), shape (N,)
    g = (p - y) / N                   # ∂L/∂a for a = X @ w + b: sigmoid and cross entropy together
    dw = X.T @ g
    db = np.sum(g)
    return dw, db
