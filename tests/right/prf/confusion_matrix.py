# expect: pass
# a 2x2 confusion matrix with np.add.at, rows = truth, columns = prediction
import numpy as np


def prf(y_true, y_pred):
    cm = np.zeros((2, 2), dtype=int)
    np.add.at(cm, (y_true, y_pred), 1)
    tp, fp, fn = cm[1, 1], cm[0, 1], cm[1, 0]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 / (1 / p + 1 / r) if p > 0 and r > 0 else 0.0
    return p, r, f1
