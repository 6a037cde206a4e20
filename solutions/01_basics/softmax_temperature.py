"""温度つき softmax とその交差エントロピーの勾配 / softmax with a temperature, and its cross-entropy gradient."""
import numpy as np


def softmax_temperature(z, T):
    """各行の softmax(z / T)。z: (N, C)、T > 0 / row-wise softmax(z / T), z: (N, C), T > 0."""
    u = z / T
    u = u - u.max(axis=1, keepdims=True)   # 行の最大値を 0 に: exp があふれない / row max becomes 0: no overflow
    e = np.exp(u)
    return e / e.sum(axis=1, keepdims=True)


def temperature_ce_grad(z, t, T):
    """L = −(1/N) Σ log softmax(z / T)[n, t[n]] の z についての勾配 (N, C) / dL/dz, shaped (N, C)."""
    n = z.shape[0]
    y = softmax_temperature(z, T)
    onehot = np.zeros_like(y)
    onehot[np.arange(n), t] = 1.0
    return (y - onehot) / (T * n)
