"""1 クラスの AP（Average Precision、全点補間）と、クラス平均の mAP を実装してください。

average_precision(scores, is_tp, n_gt): 検出をスコアの降順（同点は与えられた順）に並べ、k 番目までの
  precision = TP 数 / k、recall = TP 数 / n_gt。precision を右から単調にした包絡線
  p̂_k = max_{j ≥ k} precision_j で、AP = Σ_k (recall_k − recall_{k−1}) p̂_k（recall_0 = 0）。
  n_gt = 0 なら nan、検出が 0 個なら 0.0。
mean_ap(per_class): (scores, is_tp, n_gt) のリストについて、n_gt > 0 のクラスの AP の平均。

Implement the AP (average precision, all-point interpolation) of one class and the mAP over classes.
average_precision(scores, is_tp, n_gt): sort the detections by decreasing score (ties in the given order);
  over the first k, precision = #TP / k and recall = #TP / n_gt. With the envelope made monotone from the
  right, p̂_k = max_{j ≥ k} precision_j, AP = Σ_k (recall_k − recall_{k−1}) p̂_k (recall_0 = 0).
  n_gt = 0: nan; no detections: 0.0.
mean_ap(per_class): the mean of the APs of the classes with n_gt > 0 in a list of (scores, is_tp, n_gt).
"""

import numpy as np


def average_precision(scores, is_tp, n_gt):
    # TODO: 降順の安定ソート、累積 TP、precision と recall、右からの最大値（包絡線）、recall の増分 × 包絡線の和
    #       a stable decreasing sort, cumulative TP, precision and recall, the running max from the right
    #       (the envelope), and the sum of recall steps × envelope
    raise NotImplementedError("average_precision: TODO を埋めてください / fill in the TODO")


def mean_ap(per_class):
    # TODO: n_gt > 0 のクラスだけの AP の平均 / the mean AP over the classes with n_gt > 0
    raise NotImplementedError("mean_ap: TODO を埋めてください / fill in the TODO")
