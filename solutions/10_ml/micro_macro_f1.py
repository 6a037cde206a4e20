"""多クラスの F1: クラスごと・マクロ平均・マイクロ平均 / Multi-class F1: per class, macro and micro averages."""
import numpy as np


def f1_scores(y_true, y_pred, K):
    """y_true, y_pred: (N,) integer labels in 0..K-1 -> (f1 (K,), macro_f1, micro_f1); 0/0 counts as 0.0."""
    classes = np.arange(K)
    t = y_true[:, None] == classes  # (N, K) one-hot of the truth
    p = y_pred[:, None] == classes  # (N, K) one-hot of the predictions
    tp = np.sum(t & p, axis=0)
    fp = np.sum(~t & p, axis=0)
    fn = np.sum(t & ~p, axis=0)
    with np.errstate(invalid="ignore"):  # 0/0 of a class in neither array; TP = 0 means F1 = 0 anyway
        f1 = np.where(tp > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
    macro = float(np.mean(f1))
    micro = float(2 * tp.sum() / (2 * tp.sum() + fp.sum() + fn.sum()))
    return f1, macro, micro
