# expect: pass
# per class through precision and recall with explicit zero_division=0 branches, micro as the accuracy
import numpy as np


def f1_scores(y_true, y_pred, K):
    f1 = []
    for k in range(K):
        tp = int(np.sum((y_true == k) & (y_pred == k)))
        fp = int(np.sum((y_true != k) & (y_pred == k)))
        fn = int(np.sum((y_true == k) & (y_pred != k)))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1.append(2 * p * r / (p + r) if p + r else 0.0)
    f1 = np.array(f1)
    return f1, f1.mean(), np.mean(y_true == y_pred)
