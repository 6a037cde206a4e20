# expect: pass
# ROC curve with one point per distinct score (from the top), trapezoidal rule
import numpy as np

trapezoid = getattr(np, "trapezoid", None) or np.trapz   # NumPy 2 renamed trapz


def auc(y_true, scores):
    thresholds = np.unique(scores)[::-1]            # descending
    P, N = np.sum(y_true == 1), np.sum(y_true == 0)
    tpr = [0.0] + [np.sum((scores >= th) & (y_true == 1)) / P for th in thresholds]
    fpr = [0.0] + [np.sum((scores >= th) & (y_true == 0)) / N for th in thresholds]
    return float(trapezoid(tpr, fpr))
