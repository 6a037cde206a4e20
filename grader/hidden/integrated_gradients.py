"""Hidden tests for `integrated_gradients`: ig = (x − x') ⊙ (1/m) Σ_{k=1..m} ∇F(x' + (k/m)(x − x')).

F is the class-c probability of a small network, F(z) = softmax(tanh(z W1 + b1) W2 + b2)[:, c], whose
gradient the learner's process builds from the case (a function cannot cross between the processes).
Baselines are non-zero (except in one case), so a factor x instead of x − x' shows; m = 1 is one of the
value cases (the right sum is then the gradient at x itself, the left sum the gradient at the baseline).
The "completeness" check runs with large m and reports each row's Σ_i ig_i, replaced by F(x) − F(x')
when it is within 5/m of it: the tolerance shrinks with m, as the Riemann sum's error does.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

VALUE_SETTINGS = ((3, 5, 4, 3, 1), (4, 6, 5, 2, 7), (2, 7, 3, 4, 40))  # N, D, hidden, classes, m
COMPLETE_SETTINGS = ((3, 4, 6, 3, 200), (2, 6, 4, 5, 500), (4, 3, 5, 2, 1000))
ZERO_BASELINE = 1  # this value case uses the all-zero baseline
TOLERANCE = 5.0  # completeness: |Σ_i ig_i − (F(x) − F(x'))| <= TOLERANCE / m (the reference stays below 3.3 / m)


def _draw(rng, settings, zero_at=None) -> list[dict]:
    cases = []
    for i, (N, D, H, C, m) in enumerate(settings):
        x = rng.normal(size=(N, D))
        baseline = np.zeros((N, D)) if i == zero_at else rng.normal(size=(N, D)) * 0.5
        cases.append(
            {
                "x": x,
                "baseline": baseline,
                "W1": rng.normal(size=(D, H)),
                "b1": rng.normal(size=H) * 0.3,
                "W2": rng.normal(size=(H, C)) * 1.5,
                "b2": rng.normal(size=C) * 0.3,
                "c": int(rng.integers(C)),
                "m": m,
            }
        )
    return cases


def _model(case):
    """F(z) and ∇F(z), row by row, for the case's network."""
    W1, b1, W2, b2, c = case["W1"], case["b1"], case["W2"], case["b2"], case["c"]

    def forward(z):
        h = np.tanh(z @ W1 + b1)
        s = h @ W2 + b2
        e = np.exp(s - s.max(axis=1, keepdims=True))
        return h, e / e.sum(axis=1, keepdims=True)

    def F(z):
        return forward(z)[1][:, c]

    def grad(z):
        z = np.asarray(z, dtype=np.float64)
        h, p = forward(z)
        ds = -p[:, c : c + 1] * p
        ds[:, c] += p[:, c]  # ∂p_c/∂s = p_c (e_c − p)
        return ((ds @ W2.T) * (1.0 - h * h)) @ W1.T

    return F, grad


def _ig(case, *, points=(1, 0), factor="diff", mean=True, path="line") -> np.ndarray:
    """points = (first k, shift): k runs first..first+m−1, evaluated at (k − shift)/m."""
    x, base, m = case["x"], case["baseline"], case["m"]
    _, grad = _model(case)
    diff = x - base
    if path == "at_x":
        total = grad(x) * m
    else:
        first, shift = points
        total = sum(grad(base + ((k - shift) / m) * diff) for k in range(first, first + m))
    avg = total / m if mean else total
    scale = {"diff": diff, "none": 1.0, "x": x, "flipped": -diff}[factor]
    return scale * avg


def _run_values(learner, case) -> dict:
    _, grad = _model(case)
    return {"ig": learner.integrated_gradients(case["x"], case["baseline"], grad, case["m"])}


def _reported_sums(case, ig):
    """Each row's Σ_i ig_i, or exactly F(x) − F(x') when it is within TOLERANCE/m of it."""
    F, _ = _model(case)
    gap_free = F(case["x"]) - F(case["baseline"])
    sums = np.sum(np.asarray(ig, dtype=np.float64), axis=1)
    return np.where(np.abs(sums - gap_free) <= TOLERANCE / case["m"], gap_free, sums)


def _run_complete(learner, case) -> dict:
    ig = _run_values(learner, case)["ig"]
    if not isinstance(ig, np.ndarray) or ig.shape != case["x"].shape:
        return {"sums": ig}
    return {"sums": _reported_sums(case, ig)}


MISTAKES = (
    (
        "no_difference_factor",
        dict(factor="none"),
        "(x − x') を掛けていません。平均した勾配に、入力とベースラインの差 (x − x') を要素ごとに掛けます"
        "（これがないと帰属値の和が F(x) − F(x') になりません）。",
        "the factor (x − x') is missing: multiply the averaged gradient element-wise by the difference between the "
        "input and the baseline (without it the attributions do not add up to F(x) − F(x')).",
    ),
    (
        "x_factor",
        dict(factor="x"),
        "平均した勾配に x を掛けています。掛けるのは x − x' です（ベースラインが 0 のときだけ同じになります）。",
        "the averaged gradient is multiplied by x: multiply by x − x' (they agree only for a zero baseline).",
    ),
    (
        "flipped_sign",
        dict(factor="flipped"),
        "符号が逆です（(x' − x) を掛けています）。経路はベースライン x' から入力 x へ向かうので (x − x') を掛けます。",
        "the sign is flipped ((x' − x) is used): the path runs from the baseline x' to the input x, so multiply by "
        "(x − x').",
    ),
    (
        "left_sum",
        dict(points=(0, 0)),
        "左リーマン和になっています（k = 0..m−1、またはベースラインから見て逆向きに x から x' へ進んでいます）。"
        "この問題は右リーマン和で、k = 1..m の点 x' + (k/m)(x − x') を使います（最後の点が x 自身です）。",
        "that is the left Riemann sum (k = 0..m−1, or a walk from x towards x'): this problem uses the right sum, "
        "the points x' + (k/m)(x − x') for k = 1..m (the last point is x itself).",
    ),
    (
        "midpoint",
        dict(points=(1, 0.5)),
        "中点則（(k − 1/2)/m）になっています。この問題は右リーマン和で、k = 1..m の k/m を使います。",
        "that is the midpoint rule ((k − 1/2)/m): this problem uses the right Riemann sum, k/m for k = 1..m.",
    ),
    (
        "no_division_by_m",
        dict(mean=False),
        "勾配を足しただけで m で割っていません。経路積分の近似なので (1/m) Σ_k、つまり平均です。",
        "the gradients are summed but not divided by m: the path integral is approximated by (1/m) Σ_k, a mean.",
    ),
    (
        "gradient_at_x",
        dict(path="at_x"),
        "x での勾配だけを使っています（勾配 × 入力）。経路上の m 点 x' + (k/m)(x − x') で勾配を求めて平均します。",
        "only the gradient at x is used (gradient × input): average the gradients at the m points "
        "x' + (k/m)(x − x') on the path.",
    ),
)

VALUE_VARIANTS = tuple(Variant(n, lambda c, kw=kw: {"ig": _ig(c, **kw)}, ja=ja, en=en) for n, kw, ja, en in MISTAKES)
COMPLETE_VARIANTS = tuple(
    Variant(n, lambda c, kw=kw: {"sums": _reported_sums(c, _ig(c, **kw))}, ja=ja, en=en) for n, kw, ja, en in MISTAKES
)

CHECKS = {
    "values": Cases(
        inputs=lambda rng: _draw(rng, VALUE_SETTINGS, zero_at=ZERO_BASELINE),
        run=_run_values,
        expected=lambda c: {"ig": _ig(c)},
        variants=VALUE_VARIANTS,
    ),
    "completeness": Cases(
        inputs=lambda rng: _draw(rng, COMPLETE_SETTINGS),
        run=_run_complete,
        expected=lambda c: {"sums": _reported_sums(c, _ig(c))},
        variants=COMPLETE_VARIANTS,
        rtol=0.0,
        atol=1e-12,
    ),
}
