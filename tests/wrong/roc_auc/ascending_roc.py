# expect: fail
# diagnosis: you got 1 − AUC
# mistake: thresholds taken from the smallest score up (ascending sort): the curve of the reversed ranking
import numpy as np

trapezoid = getattr(np, "trapezoid", None) or np.trapz   # NumPy 2 renamed trapz


def auc(y_true, scores):
    thresholds = np.unique(scores)                  # ascending
    P, N = np.sum(y_true == 1), np.sum(y_true == 0)
    tpr = [0.0] + [np.sum((scores <= th) & (y_true == 1)) / P for th in thresholds]
    fpr = [0.0] + [np.sum((scores <= th) & (y_true == 0)) / N for th in thresholds]
    return float(trapezoid(tpr, fpr))
