"""k-means 法の 1 ステップ（割り当てと重心の更新）/ One step of k-means (assign, then update the centres).

X: (N, D) データ、centers: (K, D) 現在のクラスタ中心。
1. 各点を、ユークリッド距離が最も近い中心の番号に割り当てます → labels (N,) 整数。
2. 各クラスタ j の新しい中心 = labels == j の点の平均。点が 1 つもないクラスタは、元の中心 centers[j] のままにします。
kmeans_step は (labels, new_centers) を返します。new_centers は (K, D)。centers を書き換えないでください。

X: (N, D) data, centers: (K, D) current cluster centres.
1. Assign every point to the index of its nearest centre (Euclidean) -> labels (N,), integers.
2. Each cluster j's new centre = the mean of the points with labels == j. A cluster with no point keeps its
   old centre centers[j].
kmeans_step returns (labels, new_centers), new_centers of shape (K, D). Do not modify centers.
"""
import numpy as np


def kmeans_step(X, centers):
    # TODO: 距離 (N, K) → labels → クラスタごとの平均（空のクラスタは元の中心のまま）
    #       distances (N, K) -> labels -> per-cluster means (an empty cluster keeps its centre)
    raise NotImplementedError("kmeans_step: TODO を埋めてください / fill in the TODO")
