"""多クラスの F1: クラスごと・マクロ平均・マイクロ平均 / Multi-class F1: per class, macro and micro averages.

y_true, y_pred: (N,) の整数ラベル（0〜K−1）。f1_scores は (f1, macro_f1, micro_f1) を返します。
f1 は (K,) のクラスごとの F1、macro_f1 はその K クラスの単純平均、micro_f1 は TP・FP・FN を全クラスで
合計してから求めた F1 です。分母が 0 になる値は 0.0 とします（scikit-learn の zero_division=0）。

y_true, y_pred: (N,) integer labels in 0..K-1. f1_scores returns (f1, macro_f1, micro_f1): f1 is the (K,)
array of per-class F1 scores, macro_f1 their plain mean over the K classes, micro_f1 the F1 of the TP, FP
and FN summed over all classes. A value whose denominator is 0 is 0.0 (scikit-learn's zero_division=0).
"""
import numpy as np


def f1_scores(y_true, y_pred, K):
    # TODO: クラス k ごとに TP・FP・FN を数え、F1 = 2TP / (2TP + FP + FN)（分母 0 なら 0.0）を (K,) で求める
    #       count TP, FP, FN for each class k; F1 = 2TP / (2TP + FP + FN) (0.0 when the denominator is 0), as (K,)
    # TODO: macro_f1 は K クラスの単純平均、micro_f1 は TP・FP・FN を合計してから求める（float で返す）
    #       macro_f1: the plain mean over the K classes; micro_f1: from the summed TP, FP, FN (return floats)
    raise NotImplementedError("f1_scores: TODO を埋めてください / fill in the TODO")
