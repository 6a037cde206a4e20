"""Hidden tests for `distances`: a cosine-similarity matrix between two batches, and Mahalanobis distances
from the mean and the unbiased covariance of a reference sample.

Shapes are all different (M ≠ N ≠ D, K ≠ D), so a transposed similarity matrix or a covariance of the
wrong axis shows. The reference samples are correlated (mixed by a random matrix) and small (K − 1 vs K
differs by 5–15%), so ignoring the covariance or dividing by K shows; rows are far from zero.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases


def _cos_inputs(rng) -> list[dict]:
    cases = []
    for m, n, d in ((4, 6, 3), (7, 3, 5), (5, 9, 2)):
        A = rng.normal(size=(m, d)) * rng.uniform(0.5, 3.0, size=(m, 1)) + 0.3
        B = rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=(n, 1)) - 0.2
        cases.append({"A": A, "B": B})
    return cases


def _norms(Z):
    return np.sqrt((Z**2).sum(axis=1, keepdims=True))


def _cos(c, mode="right"):
    A, B = c["A"], c["B"]
    dots = A @ B.T
    if mode == "no_norm":
        return {"S": dots}
    if mode == "a_only":
        return {"S": dots / _norms(A)}
    if mode == "squared_norms":
        return {"S": dots / (_norms(A) ** 2 * _norms(B).T ** 2)}
    if mode == "distance":
        return {"S": 1.0 - dots / (_norms(A) * _norms(B).T)}
    if mode == "transposed":
        return {"S": (dots / (_norms(A) * _norms(B).T)).T}
    return {"S": dots / (_norms(A) * _norms(B).T)}


def _cos_run(learner, c) -> dict:
    return {"S": learner.cosine_similarity_matrix(c["A"], c["B"])}


def _maha_inputs(rng) -> list[dict]:
    cases = []
    for n, k, d in ((5, 9, 3), (4, 12, 2), (6, 14, 4)):
        mix = rng.normal(size=(d, d)) + 1.5 * np.eye(d)
        data = rng.normal(size=(k, d)) @ mix + rng.normal(size=d)
        X = data.mean(axis=0) + rng.normal(size=(n, d)) @ mix * 1.3
        cases.append({"X": X, "data": data})
    return cases


def _maha(c, mode="right"):
    X, data = c["X"], c["data"]
    k = data.shape[0]
    mu = data.mean(axis=0)
    centred = data if mode == "not_centred" else data - mu
    cov = centred.T @ centred / (k if mode == "ddof0" else k - 1)
    if mode == "diagonal":
        cov = np.diag(np.diag(cov))
    diff = X - mu
    if mode == "x_mean":
        diff = X - X.mean(axis=0)
    if mode == "euclidean":
        return {"dist": np.sqrt((diff**2).sum(axis=1))}
    weight = cov if mode == "cov_not_inverse" else np.linalg.inv(cov)
    d2 = np.einsum("nd,de,ne->n", diff, weight, diff)
    return {"dist": d2 if mode == "squared" else np.sqrt(d2)}


def _maha_run(learner, c) -> dict:
    return {"dist": learner.mahalanobis_distances(c["X"], c["data"])}


COS_VARIANTS = (
    Variant(
        "no_norm",
        lambda c: _cos(c, "no_norm"),
        ja="内積 A @ B.T を正規化していません。各要素を ‖A[i]‖ ‖B[j]‖ で割ります。",
        en="the dot products A @ B.T are not normalised: divide each entry by ‖A[i]‖ ‖B[j]‖.",
    ),
    Variant(
        "a_only",
        lambda c: _cos(c, "a_only"),
        ja="A の行のノルムでしか割っていません。B の行のノルム ‖B[j]‖ でも割ります。",
        en="you divide by the norms of A's rows only: divide by the norms ‖B[j]‖ of B's rows too.",
    ),
    Variant(
        "squared_norms",
        lambda c: _cos(c, "squared_norms"),
        ja="ノルムの 2 乗（Σ a²）で割っています。ノルムは平方根 sqrt(Σ a²) です。",
        en="you divide by squared norms (Σ a²): a norm is the square root sqrt(Σ a²).",
    ),
    Variant(
        "distance",
        lambda c: _cos(c, "distance"),
        ja="コサイン距離 1 − cos を返しています。この関数が返すのはコサイン類似度そのものです。",
        en="you return the cosine distance 1 − cos: this function returns the cosine similarity itself.",
    ),
    Variant(
        "transposed",
        lambda c: _cos(c, "transposed"),
        ja="(N, M) の転置した行列を返しています。S[i, j] は A[i] と B[j] の類似度で、形状は (M, N) です（A @ B.T）。",
        en="you return the transposed (N, M) matrix: S[i, j] is the similarity of A[i] and B[j], shape (M, N) (A @ B.T).",
    ),
)

MAHA_VARIANTS = (
    Variant(
        "cov_not_inverse",
        lambda c: _maha(c, "cov_not_inverse"),
        ja="共分散行列 Σ をそのまま挟んでいます。マハラノビス距離は逆行列 Σ⁻¹ を使います（np.linalg.solve(cov, diff.T) など）。",
        en="the covariance matrix Σ itself sits in the middle: the Mahalanobis distance uses its inverse Σ⁻¹ (np.linalg.solve(cov, diff.T), for instance).",
    ),
    Variant(
        "squared",
        lambda c: _maha(c, "squared"),
        ja="2 乗したマハラノビス距離 (x − μ)ᵀ Σ⁻¹ (x − μ) を返しています。平方根をとります。",
        en="you return the squared Mahalanobis distance (x − μ)ᵀ Σ⁻¹ (x − μ): take its square root.",
    ),
    Variant(
        "ddof0",
        lambda c: _maha(c, "ddof0"),
        ja="共分散を K で割っています。この問題は不偏共分散（K − 1 で割る、np.cov(data, rowvar=False) と同じ）を使います。",
        en="the covariance is divided by K: this problem uses the unbiased covariance (divided by K − 1, like np.cov(data, rowvar=False)).",
    ),
    Variant(
        "not_centred",
        lambda c: _maha(c, "not_centred"),
        ja="共分散を計算するときに data から平均を引いていません。Σ = (data − μ)ᵀ (data − μ) / (K − 1) です。",
        en="the mean is not subtracted from data when the covariance is computed: Σ = (data − μ)ᵀ (data − μ) / (K − 1).",
    ),
    Variant(
        "diagonal",
        lambda c: _maha(c, "diagonal"),
        ja="分散（Σ の対角）だけで割り、共分散を無視しています。Σ 全体の逆行列を使います。",
        en="you divide by the variances (Σ's diagonal) only, ignoring the covariances: use the inverse of the whole Σ.",
    ),
    Variant(
        "x_mean",
        lambda c: _maha(c, "x_mean"),
        ja="X を X 自身の平均で中心化しています。μ は分布（data）の平均です: x − data.mean(axis=0)。",
        en="X is centred on its own mean: μ is the mean of the distribution (data), x − data.mean(axis=0).",
    ),
    Variant(
        "euclidean",
        lambda c: _maha(c, "euclidean"),
        ja="平均からのユークリッド距離になっています。Σ⁻¹ で重みをつけます: sqrt((x − μ)ᵀ Σ⁻¹ (x − μ))。",
        en="that is the Euclidean distance from the mean: weight by Σ⁻¹, sqrt((x − μ)ᵀ Σ⁻¹ (x − μ)).",
    ),
)

CHECKS = {
    "cosine": Cases(inputs=_cos_inputs, run=_cos_run, expected=lambda c: _cos(c), variants=COS_VARIANTS),
    "mahalanobis": Cases(inputs=_maha_inputs, run=_maha_run, expected=lambda c: _maha(c), variants=MAHA_VARIANTS),
}
