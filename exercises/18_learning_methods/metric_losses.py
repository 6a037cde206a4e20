"""距離学習の 2 つの損失と、その入力についての勾配を実装してください（問題文: drill show metric_losses）。

contrastive_loss(x1, x2, y, margin) -> (loss, dx1, dx2)
  x1, x2: (N, D)、y: (N,)（1.0 = 似たペア、0.0 = 似ていないペア）、d = ‖x1 − x2‖（行ごとのユークリッド距離）
  loss = (1/N) Σ_n [ y d² + (1 − y) max(0, margin − d)² ]   （½ は付けません）
triplet_loss(a, p, n, margin) -> (loss, da, dp, dn)
  a, p, n: (N, D)（アンカー・正例・負例）
  loss = (1/N) Σ_n max(0, ‖a − p‖² − ‖a − n‖² + margin)   （2 乗距離、FaceNet と同じ）

Implement two metric-learning losses and their gradients with respect to the inputs.
  contrastive_loss: y = 1.0 for a similar pair, 0.0 for a dissimilar one; d = ‖x1 − x2‖ per row;
    loss = (1/N) Σ_n [ y d² + (1 − y) max(0, margin − d)² ]   (no factor ½)
  triplet_loss: anchors a, positives p, negatives n, each (N, D);
    loss = (1/N) Σ_n max(0, ‖a − p‖² − ‖a − n‖² + margin)   (squared distances, as in FaceNet)
Return the loss as a float and each gradient with the shape of its input.
"""

import numpy as np


def contrastive_loss(x1, x2, y, margin):
    # TODO: 行ごとの距離 d、損失の平均、dx1 と dx2（ヒンジが 0 の行の勾配は 0）
    #       the distance d per row, the mean loss, dx1 and dx2 (no gradient from a hinge that is 0)
    raise NotImplementedError("contrastive_loss: TODO を埋めてください / fill in the TODO")


def triplet_loss(a, p, n, margin):
    # TODO: 2 乗距離、ヒンジの平均、da・dp・dn（ヒンジが 0 の行の勾配は 0）
    #       squared distances, the mean hinge, da, dp and dn (no gradient from a hinge that is 0)
    raise NotImplementedError("triplet_loss: TODO を埋めてください / fill in the TODO")
