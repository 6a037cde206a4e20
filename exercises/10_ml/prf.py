"""2 値分類の適合率・再現率・F1 値 / Precision, recall and F1 of a binary classifier.

y_true: (N,) 正解ラベル、y_pred: (N,) 予測ラベル。どちらも 0 か 1 の整数で、1 が陽性（positive）です。
prf は (precision, recall, f1) を float で返します。
分母が 0 になるとき（陽性の予測が 1 つもない、など）はその値を 0.0 とします。

y_true: (N,) true labels, y_pred: (N,) predicted labels, both integers 0 or 1, 1 being the positive class.
prf returns (precision, recall, f1) as floats. When a denominator is 0 (e.g. no positive prediction at all),
that value is 0.0.
"""
import numpy as np


def prf(y_true, y_pred):
    # TODO: TP, FP, FN を数えて precision, recall, f1 を計算する（分母 0 なら 0.0）
    #       count TP, FP, FN; compute precision, recall, f1 (0.0 when a denominator is 0)
    raise NotImplementedError("prf: TODO を埋めてください / fill in the TODO")
