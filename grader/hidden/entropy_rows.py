"""Hidden tests for `entropy_rows`: H(p) = −Σ_k p_k log p_k per row, in nats, with 0 log 0 = 0.

Rows are distributions (N, K), N ≠ K. Most cases contain zero probabilities (so 0·log 0 must be
handled), one has a one-hot row (H = 0) and a uniform row (H = log K). The tolerance is tight
(rtol 1e-9): the statement asks for exact values, so `log(p + 1e-7)` (book 1's cross-entropy trick)
is a diagnosed wrong answer rather than a near miss.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases


def _dist(rng, n, k, zeros):
    p = rng.uniform(0.05, 1.0, size=(n, k))
    for row, col in zeros:
        p[row, col] = 0.0
    return p / p.sum(axis=1, keepdims=True)


def _inputs(rng) -> list[dict]:
    special = np.zeros((2, 6))
    special[0, 3] = 1.0  # one-hot: H = 0
    special[1] = 1.0 / 6  # uniform: H = log 6
    return [
        {"p": _dist(rng, 3, 5, [(0, 1), (2, 0), (2, 4)])},
        {"p": _dist(rng, 4, 3, [(1, 2)])},
        {"p": np.vstack([_dist(rng, 2, 6, [(1, 5)]), special])},
    ]


def _plogp(p):
    out = np.zeros_like(p)
    pos = p > 0
    out[pos] = p[pos] * np.log(p[pos])
    return out


def _expected(c) -> dict:
    return {"H": -_plogp(c["p"]).sum(axis=1)}


def _run(learner, c) -> dict:
    return {"H": learner.entropy(c["p"])}


def _naive(p):
    with np.errstate(all="ignore"):
        return -np.sum(p * np.log(p), axis=1)


VARIANTS = (
    Variant(
        "log2",
        lambda c: {"H": -_plogp(c["p"]).sum(axis=1) / np.log(2)},
        ja="底 2 の対数（ビット）で計算しています。この問題は自然対数 np.log（単位 nat）です。",
        en="you used log base 2 (bits); this problem uses the natural log np.log (nats).",
    ),
    Variant(
        "no_minus",
        lambda c: {"H": _plogp(c["p"]).sum(axis=1)},
        ja="符号が逆です（エントロピーは 0 以上）。H = −Σ p log p とマイナスを付けます。",
        en="the sign is flipped (entropy is never negative): H = −Σ p log p, with the minus.",
    ),
    Variant(
        "nan_zero",
        lambda c: {"H": _naive(c["p"])},
        ja="p = 0 の項で 0 * log 0 = 0 * (−inf) = nan になっています。p = 0 の項は 0 として扱います"
        "（例: np.where(p > 0, p * np.log(p), 0.0)、または p > 0 の要素だけで計算）。",
        en="the p = 0 terms give 0 * log 0 = 0 * (−inf) = nan: treat those terms as 0 (e.g. "
        "np.where(p > 0, p * np.log(p), 0.0), or compute on the entries with p > 0 only).",
    ),
    Variant(
        "eps",
        lambda c: {"H": -np.sum(c["p"] * np.log(c["p"] + 1e-7), axis=1)},
        ja="log の中に 1e-7 を足しています。値がわずかにずれるので、この問題では使いません。p = 0 の項だけを"
        "0 にしてください（例: np.where(p > 0, p * np.log(p), 0.0)）。",
        en="you added 1e-7 inside the log, which shifts every value slightly; this problem wants exact values: "
        "set only the p = 0 terms to 0 (e.g. np.where(p > 0, p * np.log(p), 0.0)).",
    ),
    Variant(
        "mean",
        lambda c: {"H": -_plogp(c["p"]).mean(axis=1)},
        ja="K で割っています（平均）。エントロピーは −p log p の「和」です。",
        en="you divided by K (a mean); the entropy is the SUM of −p log p.",
    ),
)

CHECKS = {"entropy": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS, rtol=1e-9, atol=1e-12)}
