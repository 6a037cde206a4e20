"""適合率・再現率・F1 / Precision, recall and F1."""
import numpy as np


def prf(y_true, y_pred):
    """y_true, y_pred: (N,) arrays of 0/1 (1 = positive) -> (precision, recall, f1) as floats."""
    tp = np.sum((y_pred == 1) & (y_true == 1))
    fp = np.sum((y_pred == 1) & (y_true == 0))
    fn = np.sum((y_pred == 0) & (y_true == 1))
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return float(precision), float(recall), float(f1)
