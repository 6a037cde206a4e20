# expect: fail
# diagnosis: macro_f1 averages only the classes that appear in y_true or y_pred
# mistake: the macro mean over the labels found in the data (np.unique), scikit-learn's default without labels
import numpy as np


def f1_scores(y_true, y_pred, K):
    f1 = np.zeros(K)
    for k in range(K):
        tp = np.sum((y_true == k) & (y_pred == k))
        fp = np.sum((y_true != k) & (y_pred == k))
        fn = np.sum((y_true == k) & (y_pred != k))
        f1[k] = 2 * tp / (2 * tp + fp + fn) if tp > 0 else 0.0
    present = np.union1d(y_true, y_pred)
    macro = float(np.mean(f1[present]))
    micro = float(np.mean(y_true == y_pred))
    return f1, macro, micro
