"""Hidden tests for `rnn_cell`: one step of book 2's RNN layer, RNN(Wx, Wh, b).

h_next = tanh(h_prev @ Wh + x @ Wx + b). backward(dh_next) returns (dx, dh_prev) and writes
dWx, dWh, db into self.grads IN PLACE. The backward check keeps the grads arrays created by
__init__ and reports whether they are still the ones holding the gradients. The reuse check drives one
object through three calls with different batch sizes, as training does (see _cells).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden import _cells

# (N, D, H): all different, batch >= 2, so a transpose or a missing batch sum shows.
SHAPES = ((3, 4, 5), (4, 6, 3), (2, 3, 4))


def _case(rng, n, d, h) -> dict:
    return {
        "x": rng.normal(size=(n, d)),
        "h_prev": rng.uniform(-0.9, 0.9, size=(n, h)),
        "Wx": rng.normal(scale=0.5, size=(d, h)),
        "Wh": rng.normal(scale=0.5, size=(h, h)),
        "b": rng.normal(scale=0.5, size=h),
        "dh_next": rng.normal(size=(n, h)),
    }


def _inputs(rng) -> list[dict]:
    return [_case(rng, n, d, h) for n, d, h in SHAPES]


def _forward(x, h_prev, Wx, Wh, b):
    return np.tanh(h_prev @ Wh + x @ Wx + b)


def _backward(case, *, dact="right", Wh_T=True, dWh_T=False, sum_b=True, in_place=True) -> dict:
    """The reference backward, with one knob per known mistake (defaults give the right answer)."""
    x, h_prev, Wx, Wh, b, dh = (case[k] for k in ("x", "h_prev", "Wx", "Wh", "b", "dh_next"))
    h_next = _forward(x, h_prev, Wx, Wh, b)
    deriv = {"right": 1 - h_next**2, "h_prev": 1 - h_prev**2, "tanh_of_out": 1 - np.tanh(h_next) ** 2, "none": 1.0}[
        dact
    ]
    dt = dh * deriv
    return {
        "dx": dt @ Wx.T,
        "dh_prev": dt @ (Wh.T if Wh_T else Wh),
        "dWx": x.T @ dt,
        "dWh": dt.T @ h_prev if dWh_T else h_prev.T @ dt,
        "db": dt.sum(axis=0) if sum_b else dt,
        "grads_in_place": in_place,
    }


_run_forward, _run, _grad_run = _cells.runs("RNN", ("h",))


def _loss(case) -> float:
    return float(np.sum(_forward(case["x"], case["h_prev"], case["Wx"], case["Wh"], case["b"]) * case["dh_next"]))


def _step(case) -> dict:
    """One call's right outputs: h_next, then backward's."""
    return {"h_next": _forward(case["x"], case["h_prev"], case["Wx"], case["Wh"], case["b"]), **_backward(case)}


VARIANTS = (
    Variant(
        "dtanh_of_h_prev",
        lambda c: _backward(c, dact="h_prev"),
        ja="tanh の微分を h_prev で計算しています（1 − h_prev²）。微分するのはこのステップの tanh なので、"
        "その出力 h_next を使って dt = dh_next * (1 − h_next²) です。",
        en="the tanh derivative uses h_prev (1 − h_prev²): the tanh being differentiated is this step's, "
        "so use its output h_next: dt = dh_next * (1 − h_next²).",
    ),
    Variant(
        "dtanh_of_output_again",
        lambda c: _backward(c, dact="tanh_of_out"),
        ja="1 − tanh(h_next)² になっています。h_next はすでに tanh の出力なので、tanh をもう一度かけずに "
        "1 − h_next² です（tanh'(a) = 1 − tanh(a)²、tanh(a) = h_next）。",
        en="you used 1 − tanh(h_next)²: h_next already is the tanh output, so do not apply tanh again: "
        "1 − h_next² (tanh'(a) = 1 − tanh(a)² and tanh(a) = h_next).",
    ),
    Variant(
        "no_dtanh",
        lambda c: _backward(c, dact="none"),
        ja="tanh の微分が掛かっていません。まず dt = dh_next * (1 − h_next²) を求め、そこから dx, dh_prev, "
        "dWx, dWh, db を計算します。",
        en="the tanh derivative is missing: first dt = dh_next * (1 − h_next²), then dx, dh_prev, dWx, dWh "
        "and db from dt.",
    ),
    Variant(
        "dh_prev_Wh_not_transposed",
        lambda c: _backward(c, Wh_T=False),
        ja="dh_prev = dt @ Wh になっています。h_prev @ Wh の逆伝播は dt @ Wh.T です"
        "（Wh は正方行列なので形状では気づけません）。",
        en="dh_prev = dt @ Wh: the backward of h_prev @ Wh is dt @ Wh.T (Wh is square, so the shape cannot tell you).",
    ),
    Variant(
        "dWh_transposed",
        lambda c: _backward(c, dWh_T=True),
        ja="dWh の値が転置されています（dt.T @ h_prev）。h_prev @ Wh なので dWh = h_prev.T @ dt です"
        "（(H, H) で形状は同じなので気づきにくい誤りです）。",
        en="dWh is transposed (dt.T @ h_prev): for h_prev @ Wh, dWh = h_prev.T @ dt (both are (H, H), so "
        "the shape does not show it).",
    ),
    Variant(
        "db_no_sum",
        lambda c: _backward(c, sum_b=False),
        ja="db をバッチの軸で合計していません。b は N 個の行すべてに足されるので db = np.sum(dt, axis=0)（形状 (H,)）。",
        en="db is not summed over the batch: b is added to all N rows, so db = np.sum(dt, axis=0), shape (H,).",
    ),
    _cells.GRADS_REBOUND,
)

CHECKS = {
    "forward": Cases(
        inputs=_inputs,
        run=_run_forward,
        expected=lambda c: {"h_next": _forward(c["x"], c["h_prev"], c["Wx"], c["Wh"], c["b"])},
    ),
    "backward": Cases(inputs=_inputs, run=_run, expected=_backward, variants=VARIANTS),
    "gradcheck": GradCheck(
        inputs=_inputs,
        run=_grad_run,
        loss=_loss,
        wrt={"dx": "x", "dh_prev": "h_prev", "dWx": "Wx", "dWh": "Wh", "db": "b"},
    ),
    "reuse": Cases(
        inputs=_cells.reuse_inputs(_case),
        run=_cells.reuse_run("RNN", ("h",)),
        expected=lambda c: _cells.per_call(c, _step),
        variants=_cells.reuse_variants(_step, VARIANTS),
    ),
}
