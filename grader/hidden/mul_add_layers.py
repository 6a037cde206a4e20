"""Hidden tests for `mul_add_layers` (book 1, chapter 5): MulLayer and AddLayer.

The shopping graphs of book 1 are built from the learner's classes in the learner's process, and
from reference classes (with one knob per known mistake) in the grader's process.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from
from grader.hidden._reuse import snapshot as _snapshot


class _RefMul:
    def __init__(self, mode="right"):
        self.mode = mode

    def forward(self, x, y):
        self.x, self.y = x, y
        return x * y

    def backward(self, dout):
        if self.mode == "not_swapped":
            return dout * self.x, dout * self.y
        if self.mode == "no_dout":
            return self.y, self.x
        return dout * self.y, dout * self.x


class _RefAdd:
    def __init__(self, mode="right"):
        self.mode = mode

    def forward(self, x, y):
        self.x, self.y = x, y
        return x + y

    def backward(self, dout):
        if self.mode == "zero":
            return dout, 0
        if self.mode == "times_x":
            return dout * self.x, dout * self.y
        return dout, dout


def _pair(out):
    """backward's (dx, dy); anything else is the learner's API mistake, reported as such."""
    if isinstance(out, list):
        out = tuple(out)
    if not (isinstance(out, tuple) and len(out) == 2):
        raise TypeError(
            f"backward は (dx, dy) のタプルを返してください / backward must return a tuple "
            f"(dx, dy), got {type(out).__name__}"
        )
    return out


def _apple(mul, add, case) -> dict:
    """Book 1's apple graph: price = apple × apple_num × tax; backward from dprice = 1."""
    mul_apple, mul_tax = mul(), mul()
    apple_price = mul_apple.forward(case["apple"], case["apple_num"])
    price = mul_tax.forward(apple_price, case["tax"])
    dapple_price, dtax = _pair(mul_tax.backward(1.0))
    dapple, dapple_num = _pair(mul_apple.backward(dapple_price))
    return {"price": price, "dapple": dapple, "dapple_num": dapple_num, "dtax": dtax}


def _apple_orange(mul, add, case) -> dict:
    """Book 1's apple-and-orange graph: (apple × n_a + orange × n_o) × tax."""
    mul_apple, mul_orange, add_fruit, mul_tax = mul(), mul(), add(), mul()
    apple_price = mul_apple.forward(case["apple"], case["apple_num"])
    orange_price = mul_orange.forward(case["orange"], case["orange_num"])
    all_price = add_fruit.forward(apple_price, orange_price)
    price = mul_tax.forward(all_price, case["tax"])
    dall_price, dtax = _pair(mul_tax.backward(1.0))
    dapple_price, dorange_price = _pair(add_fruit.backward(dall_price))
    dorange, dorange_num = _pair(mul_orange.backward(dorange_price))
    dapple, dapple_num = _pair(mul_apple.backward(dapple_price))
    return {
        "price": price,
        "dapple": dapple,
        "dapple_num": dapple_num,
        "dorange": dorange,
        "dorange_num": dorange_num,
        "dtax": dtax,
    }


def _one(layer, case) -> dict:
    """One layer on arrays: forward(x, y), backward(dout)."""
    out = layer.forward(case["x"], case["y"])
    dx, dy = _pair(layer.backward(case["dout"]))
    return {"out": out, "dx": dx, "dy": dy}


def _apple_inputs(rng) -> list[dict]:
    # Floats throughout (100.0, not 100), so every value the graph produces is a float.
    return [{"apple": 100.0, "apple_num": 2.0, "tax": 1.1}, {"apple": 120.0, "apple_num": 3.0, "tax": 1.08}]


def _apple_orange_inputs(rng) -> list[dict]:
    return [
        {"apple": 100.0, "apple_num": 2.0, "orange": 150.0, "orange_num": 3.0, "tax": 1.1},
        {"apple": 130.0, "apple_num": 4.0, "orange": 90.0, "orange_num": 5.0, "tax": 1.08},
    ]


def _array_inputs(rng) -> list[dict]:
    return [
        {"x": rng.normal(size=s), "y": rng.normal(size=s), "dout": rng.normal(size=s)}
        for s in ((3, 4), (2, 5), (4, 3, 2))
    ]


def _grad_inputs(rng) -> list[dict]:
    cases = []
    for m, a in (((3, 4), (2, 5)), ((2, 3, 4), (5, 3))):
        cases.append(
            {
                "x": rng.normal(size=m),
                "y": rng.normal(size=m),
                "dout_m": rng.normal(size=m),
                "a": rng.normal(size=a),
                "b": rng.normal(size=a),
                "dout_a": rng.normal(size=a),
            }
        )
    return cases


def _grad_run(learner, case) -> dict:
    mul, add = learner.MulLayer(), learner.AddLayer()
    mul.forward(case["x"], case["y"])
    mul_dx, mul_dy = _pair(mul.backward(case["dout_m"]))
    add.forward(case["a"], case["b"])
    add_dx, add_dy = _pair(add.backward(case["dout_a"]))
    return {"mul_dx": mul_dx, "mul_dy": mul_dy, "add_dx": add_dx, "add_dy": add_dy}


def _grad_loss(case) -> float:
    return float(np.sum(case["x"] * case["y"] * case["dout_m"]) + np.sum((case["a"] + case["b"]) * case["dout_a"]))


MUL_NOT_SWAPPED = dict(
    ja="MulLayer の backward で x と y が入れ替わっていません。out = x·y を x で微分すると y なので、"
    "dx = dout * self.y、dy = dout * self.x です（相手側の入力を掛けます）。",
    en="MulLayer.backward does not swap x and y: d(x·y)/dx = y, so dx = dout * self.y and "
    "dy = dout * self.x (each input gets the OTHER input).",
)
MUL_NO_DOUT = dict(
    ja="MulLayer の backward で上流の勾配 dout を掛けていません。連鎖律により dx = dout * self.y、"
    "dy = dout * self.x です。",
    en="MulLayer.backward forgets the upstream gradient: by the chain rule dx = dout * self.y and dy = dout * self.x.",
)
ADD_ZERO = dict(
    ja="AddLayer の backward で dy が 0 になっています。out = x + y は x でも y でも微分が 1 なので、"
    "dout がそのまま両方に流れます: dx = dout * 1、dy = dout * 1。",
    en="AddLayer.backward gives dy = 0: out = x + y has derivative 1 with respect to both inputs, so dout "
    "flows unchanged to both: dx = dout * 1, dy = dout * 1.",
)
ADD_TIMES_X = dict(
    ja="AddLayer の backward で入力を掛けています（乗算レイヤの形）。加算の局所的な微分は 1 なので "
    "dx = dout * 1、dy = dout * 1 です。",
    en="AddLayer.backward multiplies by the inputs (the multiply layer's rule): the local derivative of a "
    "sum is 1, so dx = dout * 1 and dy = dout * 1.",
)


def _graph_variant(graph, name, mul_mode="right", add_mode="right", msg=None):
    return Variant(name, lambda case: graph(lambda: _RefMul(mul_mode), lambda: _RefAdd(add_mode), case), **msg)


def _graph_check(graph, inputs, with_add: bool) -> Cases:
    variants = [
        _graph_variant(graph, "mul_not_swapped", mul_mode="not_swapped", msg=MUL_NOT_SWAPPED),
        _graph_variant(graph, "mul_no_dout", mul_mode="no_dout", msg=MUL_NO_DOUT),
    ]
    if with_add:
        variants += [
            _graph_variant(graph, "add_zero", add_mode="zero", msg=ADD_ZERO),
            _graph_variant(graph, "add_times_x", add_mode="times_x", msg=ADD_TIMES_X),
        ]
    return Cases(
        inputs=inputs,
        run=lambda learner, case: graph(learner.MulLayer, learner.AddLayer, case),
        expected=lambda case: graph(_RefMul, _RefAdd, case),
        variants=tuple(variants),
    )


CHECKS = {
    "apple": _graph_check(_apple, _apple_inputs, with_add=False),
    "apple_orange": _graph_check(_apple_orange, _apple_orange_inputs, with_add=True),
    "mul_arrays": Cases(
        inputs=_array_inputs,
        run=lambda learner, case: _one(learner.MulLayer(), case),
        expected=lambda c: {"out": c["x"] * c["y"], "dx": c["dout"] * c["y"], "dy": c["dout"] * c["x"]},
        variants=(
            Variant("mul_not_swapped", lambda c: {"dx": c["dout"] * c["x"]}, **MUL_NOT_SWAPPED),
            Variant("mul_no_dout", lambda c: {"dx": c["y"]}, **MUL_NO_DOUT),
        ),
    ),
    "add_arrays": Cases(
        inputs=_array_inputs,
        run=lambda learner, case: _one(learner.AddLayer(), case),
        expected=lambda c: {"out": c["x"] + c["y"], "dx": c["dout"].copy(), "dy": c["dout"].copy()},
        variants=(
            Variant("add_zero", lambda c: {"dy": 0}, **ADD_ZERO),
            Variant("add_zeros", lambda c: {"dy": np.zeros_like(c["dout"])}, **ADD_ZERO),
            Variant("add_times_x", lambda c: {"dx": c["dout"] * c["x"]}, **ADD_TIMES_X),
        ),
    ),
    "gradcheck": GradCheck(
        inputs=_grad_inputs,
        run=_grad_run,
        loss=_grad_loss,
        wrt={"mul_dx": "x", "mul_dy": "y", "add_dx": "a", "add_dy": "b"},
    ),
}


# ---- one MulLayer, three calls (as in training) -------------------------------------------------
# Shapes of the three forward/backward calls on ONE MulLayer: the second equals the first (x, y
# kept while the shape matches show), the third has another batch size.
REUSE_SHAPES = (((4, 5), (4, 5), (6, 5)), ((3, 2, 4), (3, 2, 4), (5, 2, 4)), ((2, 6), (2, 6), (5, 6)))


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for shapes in REUSE_SHAPES:
        case: dict = {}
        for k, shape in zip(CALLS, shapes):
            for key in ("x", "y", "dout"):
                case[f"{key}{k}"] = rng.normal(size=shape)
        cases.append(case)
    return cases


def _reuse_run(learner, case) -> dict:
    layer = learner.MulLayer()
    result = {}
    for k in CALLS:
        result[f"out{k}"] = _snapshot(layer.forward(case[f"x{k}"], case[f"y{k}"]))
        dx, dy = _pair(layer.backward(case[f"dout{k}"]))
        result[f"dx{k}"], result[f"dy{k}"] = _snapshot(dx), _snapshot(dy)
    return result


def _reuse_expected(case, stale=False) -> dict:
    result = {}
    for k, j in zip(CALLS, _kept_from(case)):
        x, y, dout = case[f"x{k}"], case[f"y{k}"], case[f"dout{k}"]
        kx, ky = (case[f"x{j}"], case[f"y{j}"]) if stale else (x, y)
        result.update({f"out{k}": x * y, f"dx{k}": dout * ky, f"dy{k}": dout * kx})
    return result


MUL_STALE = Variant(
    "mul_stale_inputs",
    lambda c: _reuse_expected(c, stale=True),
    ja="MulLayer の backward が前の forward の x と y を使っています（最初に覚えた値を、形が同じあいだ"
    "上書きしていない）。1 つのレイヤが何度も使われるので、forward は呼ぶたびに self.x = x、self.y = y と"
    "今回の入力で上書きし、backward はそれを使います。",
    en="MulLayer.backward uses the x and y of an earlier forward (the values remembered first are not "
    "overwritten while the shape stays the same). One layer is used many times, so every forward "
    "overwrites self.x = x and self.y = y with this call's inputs, and backward uses them.",
)

CHECKS["mul_reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected, variants=(MUL_STALE,))
