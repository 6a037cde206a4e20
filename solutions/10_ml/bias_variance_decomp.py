"""バイアスとバリアンスを推定する / Estimating bias and variance."""
import numpy as np


def bias_variance(preds, f_true):
    """preds: (M, N) predictions of M models at N test points, f_true: (N,) -> (bias2, variance) as floats."""
    mean_pred = np.mean(preds, axis=0)  # (N,): the average model's prediction at each point
    bias2 = np.mean((mean_pred - f_true) ** 2)
    variance = np.mean((preds - mean_pred) ** 2)
    return float(bias2), float(variance)
