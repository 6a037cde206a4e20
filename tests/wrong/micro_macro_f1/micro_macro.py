# expect: fail
# diagnosis: micro_f1 equals the macro average
# mistake: micro_f1 taken to be the same as macro_f1
import numpy as np


def f1_scores(y_true, y_pred, K):
    f1 = np.zeros(K)
    for k in range(K):
        tp = np.sum((y_true == k) & (y_pred == k))
        fp = np.sum((y_true != k) & (y_pred == k))
        fn = np.sum((y_true == k) & (y_pred != k))
        f1[k] = 2 * tp / (2 * tp + fp + fn) if tp > 0 else 0.0
    macro = float(np.mean(f1))
    return f1, macro, macro
