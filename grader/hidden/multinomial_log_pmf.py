"""Hidden tests for `multinomial_log_pmf`: log P(x | n, π) = log n! − Σ_k log x_k! + Σ_k x_k log π_k per row.

Cases (N, K) with N ≠ K: a binomial one (K = 2), one with zeros in π (a class with π_k = 0 and x_k = 0
must give 0, one row with π_k = 0 but x_k > 0 must give −inf), and one with totals n up to about 300,
where n! overflows float64 (171! is already inf), so only log-factorials (lgamma) work. Counts are int64.
"""

from __future__ import annotations

import math

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

_log_fact = np.vectorize(lambda m: math.lgamma(m + 1.0))


def _probs(rng, n, k, zeros=()):
    p = rng.uniform(0.1, 1.0, size=(n, k))
    for index in zeros:
        p[index] = 0.0
    return p / p.sum(axis=1, keepdims=True)


def _counts(rng, pi, totals):
    return np.array([rng.multinomial(t, row) for t, row in zip(totals, pi)], dtype=np.int64)


def _inputs(rng) -> list[dict]:
    pi1 = _probs(rng, 4, 2)
    pi2 = _probs(rng, 3, 5, [(0, 1), (1, 3), (2, 0), (2, 4)])
    x2 = _counts(rng, pi2, (9, 12, 7))
    x2[2, 0] = 2  # π = 0 but the class came up: probability 0, log P = −inf
    pi3 = _probs(rng, 2, 4)
    return [
        {"x": _counts(rng, pi1, (6, 10, 3, 8)), "pi": pi1},
        {"x": x2, "pi": pi2},
        {"x": _counts(rng, pi3, (240, 310)), "pi": pi3},
    ]


def _terms(c):
    x, pi = c["x"], c["pi"]
    out = np.zeros(x.shape)
    seen = x > 0
    with np.errstate(divide="ignore"):
        out[seen] = x[seen] * np.log(pi[seen])
    return out.sum(axis=1)


def _coef(c):
    return _log_fact(c["x"].sum(axis=1)) - _log_fact(c["x"]).sum(axis=1)


def _expected(c) -> dict:
    return {"logp": _coef(c) + _terms(c)}


def _run(learner, c) -> dict:
    return {"logp": learner.multinomial_log_pmf(c["x"], c["pi"])}


def _naive_terms(c):
    with np.errstate(all="ignore"):
        return {"logp": _coef(c) + np.sum(c["x"] * np.log(c["pi"]), axis=1)}


def _float_factorial(c):
    fact = np.vectorize(lambda m: np.prod(np.arange(1.0, m + 1.0)))  # inf from 171! on
    with np.errstate(all="ignore"):
        coef = fact(c["x"].sum(axis=1))
        for k in range(c["x"].shape[1]):  # divided one x_k! at a time, as a loop would
            coef = coef / fact(c["x"][:, k])
        coef = np.log(coef)
    return {"logp": coef + _terms(c)}


VARIANTS = (
    Variant(
        "no_coefficient",
        lambda c: {"logp": _terms(c)},
        ja="多項係数 n!/(x_1! … x_K!) が抜けています（それは特定の 1 つの並びの確率です）。log n! − Σ_k log x_k! を足します。",
        en="the multinomial coefficient n!/(x_1! … x_K!) is missing (that is the probability of one particular "
        "order): add log n! − Σ_k log x_k!.",
    ),
    Variant(
        "no_denominator",
        lambda c: {"logp": _log_fact(c["x"].sum(axis=1)) + _terms(c)},
        ja="log n! だけを足していて、Σ_k log x_k! を引いていません。同じクラスどうしの並べ替えは区別しないので x_k! で割ります。",
        en="you added log n! but did not subtract Σ_k log x_k!; reorderings within a class give the same counts, so "
        "divide by each x_k!.",
    ),
    Variant(
        "probability",
        lambda c: {"logp": np.exp(_expected(c)["logp"])},
        ja="確率そのもの P(x) を返しています。この関数は対数確率 log P(x) を返します。",
        en="you returned the probability P(x) itself; this function returns the log-probability log P(x).",
    ),
    Variant(
        "nan_zero",
        _naive_terms,
        ja="x_k = 0 かつ π_k = 0 の項で 0 * log(0) = nan になっています。x_k = 0 の項は π_k によらず 0 とします。",
        en="the terms with x_k = 0 and π_k = 0 give 0 * log(0) = nan; a term with x_k = 0 is 0 whatever π_k is.",
    ),
    Variant(
        "float_factorial",
        _float_factorial,
        ja="階乗を浮動小数点数で計算しているので、n が 170 を超えると n! = inf になります。log n! は math.lgamma(n + 1) で直接求めます。",
        en="the factorials are computed as floats, so n! = inf once n exceeds 170; get log n! directly as "
        "math.lgamma(n + 1).",
    ),
)

CHECKS = {
    "logp": Cases(
        inputs=_inputs,
        run=_run,
        expected=_expected,
        variants=VARIANTS,
        rtol=1e-9,
        atol=1e-9,
    )
}
