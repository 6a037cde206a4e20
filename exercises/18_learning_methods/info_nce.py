"""SimCLR の NT-Xent 損失（InfoNCE）と、z についての勾配を実装してください（問題文: drill show info_nce）。

info_nce(z, tau) -> (loss, dz)
  z: (2N, D)、L2 正規化済みの埋め込み。i 行目と i + N 行目（i < N）が同じサンプルの 2 つのビュー（正例のペア）
  tau: 温度 τ（float > 0）
  S = z zᵀ / τ、対角（自分自身）は候補から除く
  loss = 2N 個すべてのアンカー i の平均 −log( exp(S[i, pos(i)]) / Σ_{k≠i} exp(S[i, k]) )、pos(i) = (i + N) mod 2N
  dz = ∂loss/∂z: (2N, D)（関数の中で z を正規化し直さないこと）

Implement SimCLR's NT-Xent loss (InfoNCE) and its gradient with respect to z.
  z: (2N, D), L2-normalised embeddings; rows i and i + N (i < N) are the two views of one sample
  tau: the temperature τ (a float > 0)
  S = z zᵀ / τ, with the diagonal (the anchor itself) excluded from the candidates
  loss = the mean over all 2N anchors i of −log( exp(S[i, pos(i)]) / Σ_{k≠i} exp(S[i, k]) ),
         pos(i) = (i + N) mod 2N
  dz = ∂loss/∂z, shape (2N, D) (do not normalise z again inside the function)
"""

import numpy as np


def info_nce(z, tau):
    # TODO: 類似度行列、対角のマスク、正例の列、2N 個のアンカーの交差エントロピーの平均、dz
    #       the similarity matrix, the diagonal mask, the positives' columns, the mean cross entropy
    #       over the 2N anchors, dz
    raise NotImplementedError("info_nce: TODO を埋めてください / fill in the TODO")
