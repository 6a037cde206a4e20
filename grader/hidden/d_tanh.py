"""Hidden tests for `d_tanh(x)`: tanh'(x) at the input x, no NaN for |x| up to 1000.

1 − tanh(x)², 1/cosh(x)² and 4/(eˣ + e⁻ˣ)² are all right. The last two overflow to inf inside
(the square) for |x| > ~355 and then give 1/inf = 0, which is the right value (about 1e-868): the comparison
rejects NaN or inf only where the expected value is finite, and 0 is within atol of the true value.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck


def _values_inputs(rng) -> list[dict]:
    return [{"x": rng.uniform(-3.0, 3.0, size=s)} for s in ((3, 4), (2, 3, 5), (7,))]


def _large_inputs(rng) -> list[dict]:
    big = np.array([[1000.0, -1000.0, 800.0, -800.0, 0.3], [710.0, -711.0, 30.0, -25.0, -0.7]])
    mixed = np.concatenate([rng.uniform(-2.0, 2.0, size=6), [1000.0, -800.0, 19.5, -1000.0, 750.0, 1.5]])
    return [{"x": big}, {"x": mixed.reshape(3, 4)}]


def _grad_inputs(rng) -> list[dict]:
    return [{"x": rng.uniform(-2.5, 2.5, size=s)} for s in ((3, 4), (2, 5))]


def _exact(case) -> dict:
    y = np.tanh(case["x"])
    return {"dy": 1.0 - y * y}


def _quiet(fn):
    """A wrong form evaluated without overflow warnings in the grader's process."""

    def wrapped(case):
        with np.errstate(over="ignore", invalid="ignore"):
            return {"dy": fn(case["x"])}

    return wrapped


_NAN_JA = (
    "大きな |x| で NaN になっています。そこでは cosh・sinh・eˣ が inf にオーバーフローし、inf/inf や inf − inf は "
    "NaN です（tanh を sinh/cosh や (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) で自作した場合など）。np.tanh を使って 1 − np.tanh(x)**2 と書いてください。"
)
_NAN_EN = (
    "NaN for large |x|: cosh, sinh and eˣ overflow to inf there, and inf/inf or inf − inf is NaN (a home-made "
    "tanh, sinh/cosh or (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ), does this); use np.tanh: 1 − np.tanh(x)**2."
)

VARIANTS = (
    Variant(
        "at_output",
        _quiet(lambda x: 1.0 - x**2),
        ja="1 − x² になっています。1 − y² は出力 y = tanh(x) で書いた tanh の導関数です。ここでの x は入力"
        "（活性化の前の値）なので、1 − np.tanh(x)**2 です（導関数を出力の式のまま入力で評価しています）。",
        en="this is 1 − x²: 1 − y² is tanh' written with the OUTPUT y = tanh(x), but here x is the input "
        "(before the activation), so use 1 − np.tanh(x)**2 (you evaluated the output form at the input).",
    ),
    Variant(
        "no_square",
        _quiet(lambda x: 1.0 - np.tanh(x)),
        ja="二乗が抜けています: 1 − tanh(x)² です。",
        en="the square is missing: 1 − tanh(x)².",
    ),
    Variant(
        "two_over",
        _quiet(lambda x: 2.0 / (np.exp(x) + np.exp(-x)) ** 2),
        ja="ちょうど半分です。cosh(x) = (eˣ + e⁻ˣ)/2 なので、1/cosh²(x) = 4/(eˣ + e⁻ˣ)² です（2 ではなく 4）。",
        en="exactly half the right value: cosh(x) = (eˣ + e⁻ˣ)/2, so 1/cosh²(x) = 4/(eˣ + e⁻ˣ)²: 4, not 2.",
    ),
    Variant(
        "sigmoid_style",
        _quiet(lambda x: np.tanh(x) * (1.0 - np.tanh(x))),
        ja="シグモイドの導関数 σ(1 − σ) の形です。tanh の導関数は (1 − tanh)(1 + tanh) = 1 − tanh² です。",
        en="this is the sigmoid's σ(1 − σ) shape: tanh's derivative is (1 − tanh)(1 + tanh) = 1 − tanh².",
    ),
    Variant("homemade_tanh", _quiet(lambda x: 1.0 - (np.sinh(x) / np.cosh(x)) ** 2), ja=_NAN_JA, en=_NAN_EN),
    Variant(
        "homemade_tanh_exp",
        _quiet(lambda x: 1.0 - ((np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))) ** 2),
        ja=_NAN_JA,
        en=_NAN_EN,
    ),
    Variant(
        "quotient_nan",
        _quiet(lambda x: (np.cosh(x) ** 2 - np.sinh(x) ** 2) / np.cosh(x) ** 2),
        ja=_NAN_JA,
        en=_NAN_EN,
    ),
)


def _run(learner, case) -> dict:
    return {"dy": learner.d_tanh(case["x"])}


CHECKS = {
    "values": Cases(inputs=_values_inputs, run=_run, expected=_exact, variants=VARIANTS),
    "large_inputs": Cases(inputs=_large_inputs, run=_run, expected=_exact, variants=VARIANTS),
    "gradcheck": GradCheck(
        inputs=_grad_inputs, run=_run, loss=lambda c: float(np.sum(np.tanh(c["x"]))), wrt={"dy": "x"}
    ),
}
