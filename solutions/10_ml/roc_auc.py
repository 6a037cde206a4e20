"""ROC 曲線の AUC / Area under the ROC curve."""
import numpy as np


def auc(y_true, scores):
    """y_true (N,) of 0/1, scores (N,) (larger = more likely positive) -> AUC as a float."""
    pos = scores[y_true == 1]
    neg = scores[y_true == 0]
    greater = np.sum(pos[:, None] > neg[None, :])     # pairs ranked correctly
    ties = np.sum(pos[:, None] == neg[None, :])       # tied pairs count 1/2
    return float((greater + 0.5 * ties) / (len(pos) * len(neg)))
