# expect: pass
# variance as the mean squared error minus bias2 (the decomposition read backwards), with loops over the points
import numpy as np


def bias_variance(preds, f_true):
    m, n = preds.shape
    bias2 = sum((preds[:, j].mean() - f_true[j]) ** 2 for j in range(n)) / n
    mse = np.sum((preds - f_true) ** 2) / (m * n)
    return bias2, mse - bias2
