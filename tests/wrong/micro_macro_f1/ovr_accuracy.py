# expect: fail
# diagnosis: micro_f1 is the mean of the classes' one-vs-rest accuracies
# mistake: micro average of per-class accuracies (TP + TN) / N, counting the true negatives
import numpy as np


def f1_scores(y_true, y_pred, K):
    f1 = np.zeros(K)
    acc = np.zeros(K)
    for k in range(K):
        tp = np.sum((y_true == k) & (y_pred == k))
        tn = np.sum((y_true != k) & (y_pred != k))
        fp = np.sum((y_true != k) & (y_pred == k))
        fn = np.sum((y_true == k) & (y_pred != k))
        f1[k] = 2 * tp / (2 * tp + fp + fn) if tp > 0 else 0.0
        acc[k] = (tp + tn) / len(y_true)
    return f1, float(np.mean(f1)), float(np.mean(acc))
