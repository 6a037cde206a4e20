"""Hidden tests for `mutual_information_js`: I(X; Y) of a joint table and the row-wise JS divergence, in nats.

mutual_information: joint tables (I, J) with I ≠ J (rows are X, columns Y), one with zero cells and a whole
zero row (p(x) = 0, so 0/0 must never be evaluated), one that is exactly independent (I = 0).
js_divergence: batches (N, K), N ≠ K, with zeros in p and in q (so m > 0 but p or q = 0), a position where
both are 0 (m = 0 too), a row with p = q (JS = 0) and a row with disjoint supports (JS = log 2).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

LN2 = np.log(2.0)


def _dist(rng, shape, zeros=()):
    a = rng.uniform(0.05, 1.0, size=shape)
    for index in zeros:
        a[index] = 0.0
    return a


def _mi_inputs(rng) -> list[dict]:
    t1 = _dist(rng, (3, 4))
    t2 = _dist(rng, (4, 2), [(0, 1), (2, 0), (2, 1), (3, 0)])  # row 2 is all zeros: p(x = 2) = 0
    px, py = rng.dirichlet(np.ones(2)), rng.dirichlet(np.ones(5))
    t3 = np.outer(px, py)  # independent: I = 0
    t4 = _dist(rng, (2, 6), [(1, 3)])
    return [{"pxy": t / t.sum()} for t in (t1, t2, t3, t4)]


def _js_inputs(rng) -> list[dict]:
    def rows(a):
        return a / a.sum(axis=1, keepdims=True)

    p1, q1 = rows(_dist(rng, (3, 4))), rows(_dist(rng, (3, 4)))
    p2 = rows(_dist(rng, (4, 6), [(0, 1), (1, 0), (1, 4), (3, 2)]))
    q2 = rows(_dist(rng, (4, 6), [(0, 1), (0, 5), (2, 3), (3, 0)]))  # (0, 1): both zero, m = 0
    q2[1] = p2[1]  # p = q: JS = 0
    p3 = rows(_dist(rng, (2, 5), [(0, 3), (0, 4)]))
    q3 = rows(_dist(rng, (2, 5), [(0, 0), (0, 1), (0, 2), (1, 2)]))  # row 0: disjoint supports, JS = log 2
    return [{"p": p1, "q": q1}, {"p": p2, "q": q2}, {"p": p3, "q": q3}]


def _plogratio(a, b):
    out = np.zeros_like(a)
    pos = a > 0
    out[pos] = a[pos] * np.log(a[pos] / b[pos])
    return out


def _marginals(pxy):
    return pxy.sum(axis=1, keepdims=True), pxy.sum(axis=0, keepdims=True)


def _mi(pxy):
    px, py = _marginals(pxy)
    return float(np.sum(_plogratio(pxy, px * py)))


def _kl_rows(a, b):
    return np.sum(_plogratio(a, b), axis=1)


def _js(p, q):
    m = (p + q) / 2
    return (_kl_rows(p, m) + _kl_rows(q, m)) / 2


def _run_mi(learner, c) -> dict:
    return {"mi": learner.mutual_information(c["pxy"])}


def _run_js(learner, c) -> dict:
    return {"js": learner.js_divergence(c["p"], c["q"])}


def _mi_naive(c):
    px, py = _marginals(c["pxy"])
    with np.errstate(all="ignore"):
        return {"mi": float(np.sum(c["pxy"] * np.log(c["pxy"] / (px * py))))}


def _mi_one_marginal(c):
    px, _ = _marginals(c["pxy"])
    return {"mi": float(np.sum(_plogratio(c["pxy"], np.broadcast_to(px, c["pxy"].shape))))}


def _mi_entropy_sum(c):
    px, py = _marginals(c["pxy"])
    h = lambda a: -float(np.sum(_plogratio(a, np.ones_like(a))))  # noqa: E731
    return {"mi": h(px) + h(py) + h(c["pxy"])}


def _js_naive(c):
    p, q = c["p"], c["q"]
    m = (p + q) / 2
    with np.errstate(all="ignore"):
        return {"js": (np.sum(p * np.log(p / m), axis=1) + np.sum(q * np.log(q / m), axis=1)) / 2}


def _js_kl(c):
    p, q = c["p"], c["q"]
    with np.errstate(all="ignore"):
        return {"js": _kl_rows(p, np.where(p > 0, q, 1.0))}


def _js_axis0(c):
    p, q = c["p"], c["q"]
    m = (p + q) / 2
    return {"js": (np.sum(_plogratio(p, m), axis=0) + np.sum(_plogratio(q, m), axis=0)) / 2}


MI_VARIANTS = (
    Variant(
        "log2",
        lambda c: {"mi": _mi(c["pxy"]) / LN2},
        ja="底 2 の対数（ビット）で計算しています。この問題は自然対数 np.log（nat）です。",
        en="you used log base 2 (bits); this problem uses the natural log np.log (nats).",
    ),
    Variant(
        "nan_zero",
        _mi_naive,
        ja="p(x, y) = 0 のセルで 0 * log(0) = nan になっています（行全体が 0 なら 0/0 も）。p(x, y) = 0 の項は 0 として"
        "扱い、その位置では log を計算しないでください。",
        en="the cells with p(x, y) = 0 give 0 * log(0) = nan (and 0/0 where a whole row is 0): count those terms as "
        "0 and do not take the log there.",
    ),
    Variant(
        "one_marginal",
        _mi_one_marginal,
        ja="p(x, y) を p(x) だけで割っています。それは −H(Y|X) です。分母は 2 つの周辺分布の積 p(x) p(y) です。",
        en="you divided p(x, y) by p(x) only, which gives −H(Y|X); the denominator is the product of both marginals, "
        "p(x) p(y).",
    ),
    Variant(
        "entropy_sum",
        _mi_entropy_sum,
        ja="H(X) + H(Y) + H(X, Y) を計算しています。同時エントロピーは引きます: I(X; Y) = H(X) + H(Y) − H(X, Y)。",
        en="you computed H(X) + H(Y) + H(X, Y); the joint entropy is subtracted: I(X; Y) = H(X) + H(Y) − H(X, Y).",
    ),
)

JS_VARIANTS = (
    Variant(
        "kl",
        _js_kl,
        ja="それは KL(p‖q) です。JS は p と q をそれぞれ平均 m = (p + q)/2 と比べます: KL(p‖m)/2 + KL(q‖m)/2。",
        en="that is KL(p‖q); JS compares p and q each with their mean m = (p + q)/2: KL(p‖m)/2 + KL(q‖m)/2.",
    ),
    Variant(
        "no_half",
        lambda c: {"js": 2 * _js(c["p"], c["q"])},
        ja="1/2 が抜けています。JS = KL(p‖m)/2 + KL(q‖m)/2 で、2 つの KL の平均です。",
        en="the factor 1/2 is missing: JS = KL(p‖m)/2 + KL(q‖m)/2, the mean of the two KL divergences.",
    ),
    Variant(
        "m_sum",
        lambda c: {"js": _js(c["p"], c["q"]) - LN2},
        ja="m を p + q にしています（2 で割っていない）。m = (p + q)/2 は確率分布になるように平均をとったものです。",
        en="you used m = p + q without dividing by 2; m = (p + q)/2 is the mean, which is itself a distribution.",
    ),
    Variant(
        "one_side",
        lambda c: {"js": _kl_rows(c["p"], (c["p"] + c["q"]) / 2) / 2},
        ja="KL(p‖m)/2 だけで、KL(q‖m)/2 が抜けています。JS は p と q を対称に扱います。",
        en="only KL(p‖m)/2 is there, KL(q‖m)/2 is missing; JS treats p and q symmetrically.",
    ),
    Variant(
        "log2",
        lambda c: {"js": _js(c["p"], c["q"]) / LN2},
        ja="底 2 の対数（ビット）で計算しています。この問題は自然対数 np.log（nat）です。",
        en="you used log base 2 (bits); this problem uses the natural log np.log (nats).",
    ),
    Variant(
        "nan_zero",
        _js_naive,
        ja="p や q が 0 の位置で 0 * log(0/m) = nan になっています（p = q = 0 なら 0/0 も）。0 の項は 0 として扱います。",
        en="where p or q is 0 you get 0 * log(0/m) = nan (and 0/0 where p = q = 0): count those terms as 0.",
    ),
    Variant(
        "axis0",
        _js_axis0,
        ja="和を axis=0（バッチの方向）でとっています。各行が 1 つの分布なので、和は axis=1 でとり、(N,) を返します。",
        en="you summed over axis=0 (across the batch); each row is one distribution, so sum over axis=1 and return (N,).",
    ),
)

CHECKS = {
    "mi": Cases(
        inputs=_mi_inputs,
        run=_run_mi,
        expected=lambda c: {"mi": _mi(c["pxy"])},
        variants=MI_VARIANTS,
        rtol=1e-9,
        atol=1e-12,
    ),
    "js": Cases(
        inputs=_js_inputs,
        run=_run_js,
        expected=lambda c: {"js": _js(c["p"], c["q"])},
        variants=JS_VARIANTS,
        rtol=1e-9,
        atol=1e-12,
    ),
}
