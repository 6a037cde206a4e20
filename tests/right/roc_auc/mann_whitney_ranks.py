# expect: pass
# Mann-Whitney U with average ranks for ties: AUC = (R_pos − n_pos (n_pos + 1) / 2) / (n_pos n_neg)
import numpy as np


def auc(y_true, scores):
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):                 # average ranks of tied scores
        same = scores == value
        ranks[same] = ranks[same].mean()
    n_pos = int(np.sum(y_true == 1))
    n_neg = len(y_true) - n_pos
    return (ranks[y_true == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
