"""Hidden tests for `kl_divergence`: KL(p‖q) = Σ_k p_k log(p_k / q_k) per row, in nats, 0 · log(0/q) = 0.

Rows are distributions (N, K), N ≠ K, q > 0 everywhere. Two cases have p > 0 everywhere (so the
swapped KL(q‖p) is finite and recognisable), one has zeros in p (so 0 · log(0/q) must be handled) and a
row with p = q (KL = 0). Tight tolerance as in entropy_rows: exact values, no 1e-7 inside the log.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases


def _dist(rng, n, k, zeros=()):
    p = rng.uniform(0.05, 1.0, size=(n, k))
    for row, col in zeros:
        p[row, col] = 0.0
    return p / p.sum(axis=1, keepdims=True)


def _inputs(rng) -> list[dict]:
    p3 = _dist(rng, 4, 6, [(0, 2), (2, 0), (2, 5)])
    q3 = _dist(rng, 4, 6)
    q3[3] = p3[3]  # identical rows: KL = 0
    return [
        {"p": _dist(rng, 3, 4), "q": _dist(rng, 3, 4)},
        {"p": _dist(rng, 2, 5), "q": _dist(rng, 2, 5)},
        {"p": p3, "q": q3},
    ]


def _kl(p, q):
    out = np.zeros_like(p)
    pos = p > 0
    out[pos] = p[pos] * np.log(p[pos] / q[pos])
    return out.sum(axis=1)


def _expected(c) -> dict:
    return {"kl": _kl(c["p"], c["q"])}


def _run(learner, c) -> dict:
    return {"kl": learner.kl_divergence(c["p"], c["q"])}


def _swapped(c):
    with np.errstate(all="ignore"):
        return {"kl": np.sum(c["q"] * np.log(c["q"] / c["p"]), axis=1)}


def _naive(c):
    with np.errstate(all="ignore"):
        return {"kl": np.sum(c["p"] * np.log(c["p"] / c["q"]), axis=1)}


def _cross_entropy(c):
    return {"kl": -np.sum(c["p"] * np.log(c["q"]), axis=1)}


VARIANTS = (
    Variant(
        "swapped",
        _swapped,
        ja="引数が逆の KL(q‖p) = Σ q log(q/p) を計算しています。KL は対称ではありません。KL(p‖q) = Σ p log(p/q) で、"
        "重みも分子も p です。",
        en="you computed the swapped KL(q‖p) = Σ q log(q/p); KL is not symmetric. KL(p‖q) = Σ p log(p/q): p is "
        "both the weight and the numerator.",
    ),
    Variant(
        "sign",
        lambda c: {"kl": -_kl(c["p"], c["q"])},
        ja="符号が逆です（log(q/p) にしたか、マイナスが余分）。KL(p‖q) = Σ p log(p/q) ≥ 0 です。",
        en="the sign is flipped (log(q/p) instead of log(p/q), or an extra minus): KL(p‖q) = Σ p log(p/q) ≥ 0.",
    ),
    Variant(
        "cross_entropy",
        _cross_entropy,
        ja="それは交差エントロピー H(p, q) = −Σ p log q です。KL(p‖q) = H(p, q) − H(p) なので、p 自身のエントロピー"
        "の分 Σ p log p が抜けています。",
        en="that is the cross entropy H(p, q) = −Σ p log q; KL(p‖q) = H(p, q) − H(p), so the p log p part (p's own "
        "entropy) is missing.",
    ),
    Variant(
        "log2",
        lambda c: {"kl": _kl(c["p"], c["q"]) / np.log(2)},
        ja="底 2 の対数（ビット）で計算しています。この問題は自然対数 np.log（nat）です。",
        en="you used log base 2 (bits); this problem uses the natural log np.log (nats).",
    ),
    Variant(
        "nan_zero",
        _naive,
        ja="p = 0 の項で 0 * log(0/q) = nan になっています。p = 0 の項は 0 として扱います"
        "（例: np.where(p > 0, p * np.log(p / q), 0.0)）。",
        en="the p = 0 terms give 0 * log(0/q) = nan: treat those terms as 0 (e.g. "
        "np.where(p > 0, p * np.log(p / q), 0.0)).",
    ),
    Variant(
        "eps",
        lambda c: {"kl": np.sum(c["p"] * np.log((c["p"] + 1e-7) / (c["q"] + 1e-7)), axis=1)},
        ja="log の中に 1e-7 を足しています。値がわずかにずれるので、この問題では使いません。p = 0 の項だけを 0 にします。",
        en="you added 1e-7 inside the log, which shifts the values slightly; this problem wants exact values: "
        "set only the p = 0 terms to 0.",
    ),
)

CHECKS = {"kl": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS, rtol=1e-9, atol=1e-12)}
