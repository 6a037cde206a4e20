"""Hidden tests for `numerical_gradient(f, x)` (book 1): central difference, h = 1e-4, any ndim.

f(x) = Σ x³ + Σ x·sin x has the exact gradient 3x² + sin x + x·cos x. With h = 1e-4 the central
difference is within about 2e-8 of it here, while a forward difference is off by about 5e-4.
f is separable, so a learner who does not restore x still gets the gradient right: the
`restores_x` check catches that on its own.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

H = 1e-4
SHAPES = ((5,), (3, 4), (2, 3, 4))


def _f(x) -> float:
    """The test function the learner's code calls as f(x)."""
    return float(np.sum(x**3) + np.sum(np.sin(x) * x))


def _exact(x):
    return 3 * x**2 + np.sin(x) + x * np.cos(x)


def _inputs(rng) -> list[dict]:
    return [{"x": rng.uniform(-2.0, 2.0, size=shape)} for shape in SHAPES]


def _differences(x, kind: str, h: float = H, divide: float = 2.0):
    """Grader-side finite differences for the known wrong answers."""
    x = x.copy()
    grad = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        keep = x[idx]
        x[idx] = keep + h
        plus = _f(x)
        x[idx] = keep - h
        minus = _f(x)
        x[idx] = keep
        here = _f(x)
        if kind == "forward":
            grad[idx] = (plus - here) / h
        elif kind == "backward":
            grad[idx] = (here - minus) / h
        else:
            grad[idx] = (plus - minus) / (divide * h)
    return grad


FORWARD_MSG = dict(
    ja="前進差分 (f(x+h) − f(x)) / h（または後退差分）になっています。1 冊目は中心差分 "
    "(f(x+h) − f(x−h)) / (2h) を使います（誤差が O(h) ではなく O(h²) になります）。",
    en="this is a one-sided difference (f(x+h) − f(x)) / h (or (f(x) − f(x−h)) / h): book 1 uses the "
    "central difference (f(x+h) − f(x−h)) / (2h), whose error is O(h²) instead of O(h).",
)

GRADIENT_VARIANTS = (
    Variant("forward_difference", lambda c: {"grad": _differences(c["x"], "forward")}, **FORWARD_MSG),
    Variant("backward_difference", lambda c: {"grad": _differences(c["x"], "backward")}, **FORWARD_MSG),
    Variant(
        "divide_by_h",
        lambda c: {"grad": _differences(c["x"], "central", divide=1.0)},
        ja="勾配がちょうど 2 倍です。x+h と x−h の間隔は 2h なので、(f(x+h) − f(x−h)) を h ではなく 2h で割ります。",
        en="the gradient is exactly twice too large: x+h and x−h are 2h apart, so divide "
        "(f(x+h) − f(x−h)) by 2h, not h.",
    ),
    Variant(
        "all_zeros",
        lambda c: {"grad": np.zeros_like(c["x"])},
        ja="勾配がすべて 0 です。f が x の変化を見ていません。h が小さすぎて float64 では x + h == x になっている"
        "（1e-50 など。h = 1e-4 を使います）か、x のコピーを書き換えて、変わっていない x で f を呼んでいます。",
        en="the gradient is all zeros: f never saw x change. Either h is so small that x + h == x in float64 "
        "(e.g. 1e-50; use h = 1e-4), or you changed a copy of x and called f with the unchanged x.",
    ),
)

RESTORE_MSG = dict(
    ja="呼び出しの後、x が元の値に戻っていません（すべての要素が {side}h ずれています）。f(x) を 2 回呼んだ後に "
    "x[idx] = tmp_val として、ずらした要素を元の値に戻してください。",
    en="x is not restored after the call (every element is off by {side}h): after the two calls of f(x), "
    "put the shifted element back with x[idx] = tmp_val.",
)


def _restore_variant(name, sign, side):
    return Variant(
        name,
        lambda c: {"x_after": c["x"] + sign * H},
        ja=RESTORE_MSG["ja"].format(side=side),
        en=RESTORE_MSG["en"].format(side=side),
    )


def _run_grad(learner, case) -> dict:
    return {"grad": learner.numerical_gradient(_f, case["x"])}


def _run_restore(learner, case) -> dict:
    x = case["x"]
    learner.numerical_gradient(_f, x)
    return {"x_after": x}


CHECKS = {
    "gradient": Cases(
        inputs=_inputs,
        run=_run_grad,
        expected=lambda c: {"grad": _exact(c["x"])},
        variants=GRADIENT_VARIANTS,
        rtol=1e-5,
        atol=1e-6,
    ),
    "restores_x": Cases(
        inputs=_inputs,
        run=_run_restore,
        expected=lambda c: {"x_after": c["x"].copy()},
        variants=(_restore_variant("left_minus_h", -1.0, "−"), _restore_variant("left_plus_h", 1.0, "+")),
    ),
}
