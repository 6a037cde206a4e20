"""Hidden tests for `sigmoid_layer` (book 1 `Sigmoid`): forward keeps out, backward uses it.

dx = dout · out · (1 − out), the derivative written with the OUTPUT out = σ(x). Known mistakes:
the output form evaluated at the input, x(1 − x); dout left out; the sign flipped; σ(−x) forward.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from
from grader.hidden._reuse import snapshot as _snapshot

SHAPES = ((3, 4), (2, 5), (2, 3, 4))


def _inputs(rng) -> list[dict]:
    return [{"x": rng.uniform(-4.0, 4.0, size=s), "dout": rng.normal(size=s)} for s in SHAPES]


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def _forward_expected(case) -> dict:
    y = _sigmoid(case["x"])
    return {"out": y, "self.out": y}


def _backward_expected(case) -> dict:
    y = _sigmoid(case["x"])
    return {"dx": case["dout"] * y * (1.0 - y)}


def _run_forward(learner, case) -> dict:
    layer = learner.Sigmoid()
    out = layer.forward(case["x"])
    return {"out": out, "self.out": _snapshot(getattr(layer, "out", None))}


def _run_backward(learner, case) -> dict:
    layer = learner.Sigmoid()
    layer.forward(case["x"])
    return {"dx": layer.backward(case["dout"])}


FORWARD_VARIANTS = (
    Variant(
        "minus",
        lambda c: {"out": _sigmoid(-c["x"])},
        ja="σ(−x) になっています。σ(x) = 1 / (1 + exp(−x)) です（exp の中の符号に注意）。",
        en="this is σ(−x): σ(x) = 1 / (1 + exp(−x)) (mind the sign inside exp).",
    ),
)


def _at_input(c):
    return {"dx": c["dout"] * c["x"] * (1.0 - c["x"])}


BACKWARD_VARIANTS = (
    Variant(
        "at_input",
        _at_input,
        ja="x(1 − x) を使っています。σ'(x) = y(1 − y) は出力 y = σ(x) で書いた式なので、入力 x ではなく "
        "forward で保存した self.out を入れます: dx = dout * (1.0 - self.out) * self.out。",
        en="this uses x(1 − x): σ'(x) = y(1 − y) is written with the OUTPUT y = σ(x), so plug in the self.out "
        "kept by forward, not the input x: dx = dout * (1.0 - self.out) * self.out.",
    ),
    Variant(
        "no_dout",
        lambda c: {"dx": _sigmoid(c["x"]) * (1.0 - _sigmoid(c["x"]))},
        ja="σ の微分だけを返しています。連鎖律で上流の勾配 dout を掛けます: dx = dout * (1.0 - self.out) * self.out。",
        en="this is σ's derivative alone: by the chain rule multiply by the upstream gradient dout: "
        "dx = dout * (1.0 - self.out) * self.out.",
    ),
    Variant(
        "sign",
        lambda c: {"dx": -c["dout"] * _sigmoid(c["x"]) * (1.0 - _sigmoid(c["x"]))},
        ja="符号が逆です: dx = dout * (1 − out) * out（out(out − 1) ではありません）。",
        en="the sign is flipped: dx = dout * (1 − out) * out (not out(out − 1)).",
    ),
    Variant(
        "no_one_minus",
        lambda c: {"dx": c["dout"] * _sigmoid(c["x"])},
        ja="(1 − out) が抜けています: dx = dout * (1.0 - self.out) * self.out。",
        en="the factor (1 − out) is missing: dx = dout * (1.0 - self.out) * self.out.",
    ),
)

CHECKS = {
    "forward": Cases(inputs=_inputs, run=_run_forward, expected=_forward_expected, variants=FORWARD_VARIANTS),
    "backward": Cases(inputs=_inputs, run=_run_backward, expected=_backward_expected, variants=BACKWARD_VARIANTS),
    "gradcheck": GradCheck(
        inputs=_inputs, run=_run_backward, loss=lambda c: float(np.sum(_sigmoid(c["x"]) * c["dout"])), wrt={"dx": "x"}
    ),
}


# ---- one object, three calls (as in training) ---------------------------------------------------
# Shapes of the three forward/backward calls on ONE Sigmoid: the second equals the first (an out
# kept while the shape matches shows), the third has another batch size.
REUSE_SHAPES = (((4, 5), (4, 5), (6, 5)), ((3, 2, 4), (3, 2, 4), (5, 2, 4)), ((2, 6), (2, 6), (5, 6)))


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for shapes in REUSE_SHAPES:
        case: dict = {}
        for k, shape in zip(CALLS, shapes):
            case[f"x{k}"] = rng.uniform(-4.0, 4.0, size=shape)
            case[f"dout{k}"] = rng.normal(size=shape)
        cases.append(case)
    return cases


def _reuse_run(learner, case) -> dict:
    layer = learner.Sigmoid()
    result = {}
    for k in CALLS:
        result[f"out{k}"] = _snapshot(layer.forward(case[f"x{k}"]))
        result[f"dx{k}"] = _snapshot(layer.backward(case[f"dout{k}"]))
    return result


def _reuse_expected(case, stale=False) -> dict:
    result = {}
    for k, j in zip(CALLS, _kept_from(case)):
        y = _sigmoid(case[f"x{k}"])
        kept = _sigmoid(case[f"x{j if stale else k}"])
        result[f"out{k}"] = y
        result[f"dx{k}"] = case[f"dout{k}"] * kept * (1.0 - kept)
    return result


REUSE_VARIANTS = (
    Variant(
        "stale_out",
        lambda c: _reuse_expected(c, stale=True),
        ja="backward が前の forward の self.out を使っています（最初に保存した out を、形が同じあいだ上書きしていない）。"
        "学習では 1 つの Sigmoid にミニバッチが次々に渡されるので、forward は呼ぶたびに self.out = out と"
        "今回の出力で上書きし、backward はそれを使います。",
        en="backward uses the self.out of an earlier forward (the out saved first is not overwritten while the "
        "shape stays the same). In training one Sigmoid object sees every mini-batch, so every forward "
        "overwrites self.out = out with this call's output, and backward uses that.",
    ),
)

CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected, variants=REUSE_VARIANTS)
