# expect: fail
# mistake: the ROC curve steps through the sorted samples one at a time, so tied scores of a positive
# and a negative make a staircase whose area depends on the sort order instead of one diagonal segment
import numpy as np


def auc(y_true, scores):
    order = np.argsort(-scores, kind="stable")
    t = y_true[order]
    tpr = np.concatenate([[0.0], np.cumsum(t) / t.sum()])
    fpr = np.concatenate([[0.0], np.cumsum(1 - t) / (1 - t).sum()])
    return float(np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2))
