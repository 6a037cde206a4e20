"""Hidden tests for `pca`: centre, covariance, top-k eigenvectors, projection, explained variance ratio.

Eigenvectors are defined up to sign. Each case carries the reference components as "_W_ref"
(computed in the grader's process); `run` flips each of the learner's columns of W to agree with
the reference (sign of the inner product) and flips the same column of Z, so either sign passes but
Z must be the projection on the learner's own W. Data: a random rotation of well separated
variances plus a large mean, so forgetting to centre shows; N, D, k all differ.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SPECS = ((20, 5, 2), (30, 4, 3), (14, 6, 1))


def _pca(X, k, mode="right"):
    Xc = X if mode == "no_centre" else X - X.mean(axis=0)
    if mode == "standardised":
        Xc = Xc / Xc.std(axis=0)
    cov = Xc.T @ Xc / X.shape[0]
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[:k] if mode == "smallest" else np.argsort(values)[::-1][:k]
    W = vectors[:, order]
    Z = (X @ W) if mode == "z_not_centred" else Xc @ W
    ratio = values[order] / (values[order].sum() if mode == "ratio_topk" else values.sum())
    return Z, W, ratio


def _inputs(rng) -> list[dict]:
    cases = []
    for n, d, k in SPECS:
        scales = 3.0 * 0.55 ** np.arange(d)  # standard deviations, well apart
        Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
        X = (rng.normal(size=(n, d)) * scales) @ Q.T + rng.uniform(3, 6, size=d)
        cases.append({"X": X, "k": k, "_W_ref": _pca(X, k)[1]})
    return cases


def _align(c, W, Z):
    ref = c["_W_ref"]
    if (
        isinstance(W, np.ndarray)
        and isinstance(Z, np.ndarray)
        and W.shape == ref.shape
        and Z.ndim == 2
        and Z.shape[1] == W.shape[1]
        and W.dtype.kind == "f"
    ):
        s = np.sign(np.sum(W * ref, axis=0))
        s[s == 0] = 1.0
        return W * s, Z * s
    return W, Z


def _expected(c) -> dict:
    Z, W, ratio = _pca(c["X"], c["k"])
    W, Z = _align(c, W, Z)
    return {"W": W, "Z": Z, "ratio": ratio}


def _run(learner, c) -> dict:
    Z, W, ratio = learner.pca(c["X"], c["k"])
    W, Z = _align(c, W, Z)
    return {"W": W, "Z": Z, "ratio": ratio}


def _v(mode, keys, ja, en):
    def expected(c):
        Z, W, ratio = _pca(c["X"], c["k"], mode)
        W, Z = _align(c, W, Z)
        out = {"W": W, "Z": Z, "ratio": ratio}
        return {key: out[key] for key in keys}

    return Variant(mode, expected, ja=ja, en=en)


VARIANTS = (
    _v(
        "no_centre",
        ("W",),
        "データを中心化していません。X − X.mean(axis=0) の共分散行列を使います"
        "（中心化しないと、第 1 主成分が平均の方向に引っぱられます）。",
        "the data is not centred: use the covariance of X − X.mean(axis=0) (without centring, the first "
        "component points towards the mean).",
    ),
    _v(
        "smallest",
        ("W",),
        "最も小さい固有値の固有ベクトルを選んでいます。np.linalg.eigh の固有値は昇順なので、"
        "大きい順に並べ替えて（[::-1]）先頭の k 個を取ります。",
        "you took the eigenvectors of the SMALLEST eigenvalues: np.linalg.eigh returns ascending eigenvalues, "
        "so reverse the order ([::-1]) and take the first k.",
    ),
    _v(
        "standardised",
        ("W",),
        "各特徴量を標準偏差で割って（相関行列で）PCA しています。この問題は共分散行列の PCA です"
        "（平均を引くだけで、割りません）。",
        "you standardised each feature (PCA on the correlation matrix); this problem is PCA on the covariance "
        "matrix: subtract the mean, do not divide.",
    ),
    _v(
        "z_not_centred",
        ("Z",),
        "W は合っていますが、Z を中心化前の X で計算しています。Z = (X − 平均) @ W です。",
        "W is right, but Z is computed from the uncentred X: Z = (X − mean) @ W.",
    ),
    _v(
        "ratio_topk",
        ("ratio",),
        "寄与率を選んだ k 個の固有値の和で割っています（合計が 1 になる）。"
        "分母はすべての固有値の和（= 共分散行列のトレース）です。",
        "the ratio is divided by the sum of the k chosen eigenvalues only (it adds up to 1): the denominator is "
        "the sum of ALL eigenvalues (the trace of the covariance matrix).",
    ),
)

CHECKS = {"pca": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS)}
