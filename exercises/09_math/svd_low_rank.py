"""特異値分解（SVD）による低ランク近似 / Low-rank approximation by the singular value decomposition.

A: (M, N) の行列（正方とは限りません）、k: 残す特異値の数（1 ≤ k < min(M, N)）。
np.linalg.svd を使い、大きい方から k 個の特異値だけを残した近似 A_k（形 (M, N)、ランク k）を返します。

A: (M, N) matrix (not necessarily square), k: the number of singular values kept (1 ≤ k < min(M, N)).
Using np.linalg.svd, return the approximation A_k that keeps only the k largest singular values
(shape (M, N), rank k).
"""
import numpy as np


def low_rank(A, k):
    # TODO: U, s, Vt = np.linalg.svd(...) の戻り値の形と並び順を確かめて A_k を組み立てる
    #       check the shapes and the order of what np.linalg.svd returns, then build A_k
    raise NotImplementedError("low_rank: TODO を埋めてください / fill in the TODO")
