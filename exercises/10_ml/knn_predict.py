"""k 近傍法（k-NN）の予測 / k-nearest-neighbour (k-NN) prediction.

X_train: (N, D) 学習データ、y_train: (N,) 整数ラベル 0, 1, ..., C−1、X_test: (M, D)、k: 近傍の数。
各テスト点について、ユークリッド距離が最も小さい k 個の学習点のラベルで多数決をとります。
票数が同数のラベルが複数あるときは、その中で最も小さいラベルを選びます。
knn_predict は予測ラベルの整数配列 (M,) を返します。

X_train: (N, D) training points, y_train: (N,) integer labels 0, 1, ..., C−1, X_test: (M, D), k: neighbours.
For each test point, take a majority vote over the labels of the k training points with the smallest
Euclidean distance; when several labels tie for the most votes, choose the smallest of them.
knn_predict returns the predicted labels as an integer array (M,).
"""
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    # TODO: 距離 (M, N) → 近い順に k 個 → 多数決（同数なら小さいラベル）
    #       distances (M, N) -> the k nearest -> majority vote (ties: the smallest label)
    raise NotImplementedError("knn_predict: TODO を埋めてください / fill in the TODO")
