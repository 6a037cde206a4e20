"""ROC 曲線の下の面積（AUC）/ The area under the ROC curve (AUC).

y_true: (N,) 正解ラベル（0 か 1、1 が陽性。両方のラベルが必ずある）、scores: (N,) 陽性らしさのスコア（大きいほど陽性らしい）。
AUC = 「陽性 1 つと陰性 1 つを選んだとき、陽性のスコアの方が大きい確率」。同点のペアは 1/2 と数えます
（同点のスコアをまとめて 1 つのしきい値にした ROC 曲線の台形則の面積と同じ値です）。
auc は AUC を float で返します。

y_true: (N,) true labels (0 or 1, 1 positive; both labels occur), scores: (N,) (larger = more likely positive).
AUC = the probability that a random positive scores higher than a random negative; a tied pair counts 1/2
(the same as the trapezoidal area under the ROC curve with tied scores taken as one threshold).
auc returns the AUC as a float.
"""
import numpy as np


def auc(y_true, scores):
    # TODO: 陽性と陰性のすべてのペアを比べる（同点は 1/2）、または ROC 曲線の台形則
    #       compare every positive-negative pair (a tie counts 1/2), or the trapezoidal ROC area
    raise NotImplementedError("auc: TODO を埋めてください / fill in the TODO")
