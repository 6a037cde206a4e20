"""主成分分析（PCA）/ Principal component analysis (PCA).

X: (N, D) のデータ（行がサンプル）、k: 残す主成分の数（1 ≤ k < D）。
1. 各特徴量（列）の平均を引いて中心化、2. 共分散行列 (D, D)、3. 固有値の大きい順に k 個の固有ベクトル、
4. 中心化したデータを射影。
pca は (Z, W, ratio) を返します: Z (N, k) 射影後のデータ、W (D, k) 主成分（列が単位固有ベクトル、固有値の大きい順）、
ratio (k,) 各主成分の寄与率（固有値 / 全固有値の和）。固有ベクトルの符号（±）はどちらでも構いません。

X: (N, D) data (rows are samples), k: the number of components kept (1 ≤ k < D).
1. Centre each feature (column), 2. covariance matrix (D, D), 3. the eigenvectors of the k largest eigenvalues,
4. project the centred data.
pca returns (Z, W, ratio): Z (N, k) the projected data, W (D, k) the components (unit eigenvectors as columns,
largest eigenvalue first), ratio (k,) each component's explained variance ratio (eigenvalue / sum of all
eigenvalues). Each eigenvector's sign (±) is free.
"""
import numpy as np


def pca(X, k):
    # TODO: 中心化 → 共分散行列 → 固有値分解（大きい順に k 個）→ 射影。(Z, W, ratio) を返す
    #       centre -> covariance -> eigendecomposition (k largest) -> projection; return (Z, W, ratio)
    raise NotImplementedError("pca: TODO を埋めてください / fill in the TODO")
