"""Hidden tests for `svd_low_rank`: the best rank-k approximation A_k = U_k diag(s_k) Vt_k.

Non-square A, both wide (M < N) and tall (M > N), with well separated singular values (so keeping one
value too many or too few shows clearly); k differs from M, N and min(M, N). The reference uses the
thin SVD; the full one (full_matrices=True) gives the same A_k and must pass.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SPECS = ((4, 7, 2), (8, 5, 3), (6, 9, 1))  # M, N, k


def _inputs(rng) -> list[dict]:
    cases = []
    for m, n, k in SPECS:
        r = min(m, n)
        U, _ = np.linalg.qr(rng.normal(size=(m, r)))
        V, _ = np.linalg.qr(rng.normal(size=(n, r)))
        s = 6.0 * 0.6 ** np.arange(r) * rng.uniform(0.9, 1.1, size=r)
        cases.append({"A": (U * s) @ V.T, "k": k})
    return cases


def _low_rank(A, k, mode="right"):
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    if mode == "k_plus_1":
        k = k + 1
    elif mode == "k_minus_1":
        k = k - 1
    if mode == "smallest":
        return U[:, -k:] @ np.diag(s[-k:]) @ Vt[-k:]
    if mode == "no_s":
        return U[:, :k] @ Vt[:k]
    if mode == "v_not_vt":
        return U[:, :k] @ np.diag(s[:k]) @ Vt[:, :k].T  # Vt used as if it were V
    return U[:, :k] @ np.diag(s[:k]) @ Vt[:k]


def _expected(c) -> dict:
    return {"A_k": _low_rank(c["A"], c["k"])}


def _run(learner, c) -> dict:
    return {"A_k": learner.low_rank(c["A"], c["k"])}


def _v(mode, ja, en):
    return Variant(mode, lambda c: {"A_k": _low_rank(c["A"], c["k"], mode)}, ja=ja, en=en)


VARIANTS = (
    _v(
        "k_plus_1",
        "特異値を k + 1 個使っています。スライスは s[:k]、U[:, :k]、Vt[:k] で、先頭から k 個です"
        "（Python のスライスは終わりの番号を含みません）。",
        "you kept k + 1 singular values: the slices s[:k], U[:, :k], Vt[:k] keep the first k (a Python slice "
        "excludes its end).",
    ),
    _v(
        "k_minus_1",
        "特異値を k − 1 個しか使っていません。s[:k]、U[:, :k]、Vt[:k] で先頭から k 個を使います。",
        "you kept only k − 1 singular values: use the first k, s[:k], U[:, :k], Vt[:k].",
    ),
    _v(
        "no_s",
        "特異値を掛けていません。A_k = U[:, :k] @ np.diag(s[:k]) @ Vt[:k] です（U と Vt の列・行は"
        "長さ 1 なので、大きさは特異値が持っています）。",
        "the singular values are missing: A_k = U[:, :k] @ np.diag(s[:k]) @ Vt[:k] (the columns of U and the "
        "rows of Vt have length 1; the sizes are in the singular values).",
    ),
    _v(
        "v_not_vt",
        "np.linalg.svd の 3 つ目の戻り値は V ではなく、すでに転置された V^T（Vt）です。右特異ベクトルは"
        "Vt の「行」なので、Vt[:k]（形 (k, N)）をそのまま使います。",
        "the third value returned by np.linalg.svd is not V but V^T (Vt), already transposed: the right singular "
        "vectors are the ROWS of Vt, so use Vt[:k], shape (k, N), as it is.",
    ),
    _v(
        "smallest",
        "最も小さい特異値を使っています。np.linalg.svd の特異値は大きい順（降順）に並んでいるので、"
        "先頭の k 個 s[:k] を使います。",
        "you used the smallest singular values: np.linalg.svd returns them in DESCENDING order, so keep the "
        "first k, s[:k].",
    ),
)

CHECKS = {"low_rank": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS)}
