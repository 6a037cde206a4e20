"""Hidden tests for `lstm_cell`: one step of book 2's LSTM layer, LSTM(Wx, Wh, b).

A = x @ Wx + h_prev @ Wh + b (N, 4H) with column blocks f, g, i, o (A[:, :H] is f);
c_next = f*c_prev + g*i, h_next = o*tanh(c_next). backward(dh_next, dc_next) returns
(dx, dh_prev, dc_prev) and writes dWx, dWh, db into self.grads IN PLACE. The reuse check drives
one object through three calls with different batch sizes, as training does (see _cells).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden import _cells

# (N, D, H): all different, batch >= 2.
SHAPES = ((3, 4, 5), (4, 6, 3), (2, 3, 4))
NAMES = ("x", "h_prev", "c_prev", "Wx", "Wh", "b")


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _case(rng, n, d, h) -> dict:
    return {
        "x": rng.normal(size=(n, d)),
        "h_prev": rng.uniform(-0.9, 0.9, size=(n, h)),
        "c_prev": rng.normal(scale=1.5, size=(n, h)),
        "Wx": rng.normal(scale=0.6, size=(d, 4 * h)),
        "Wh": rng.normal(scale=0.6, size=(h, 4 * h)),
        "b": rng.normal(scale=0.5, size=4 * h),
        "dh_next": rng.normal(size=(n, h)),
        "dc_next": rng.normal(size=(n, h)),
    }


def _inputs(rng) -> list[dict]:
    return [_case(rng, n, d, h) for n, d, h in SHAPES]


def _gates(case, order="fgio"):
    x, h_prev, _, Wx, Wh, b = (case[k] for k in NAMES)
    H = h_prev.shape[1]
    A = x @ Wx + h_prev @ Wh + b
    blocks = {name: A[:, k * H : (k + 1) * H] for k, name in enumerate(order)}
    return {name: (np.tanh(a) if name == "g" else _sigmoid(a)) for name, a in blocks.items()}


def _forward(case, order="fgio") -> dict:
    s = _gates(case, order)
    c_next = s["f"] * case["c_prev"] + s["g"] * s["i"]
    return {"h_next": s["o"] * np.tanh(c_next), "c_next": c_next}


def _backward(case, *, order="fgio", dtanh="right", with_dc_next=True, dc_prev_f=True, in_place=True) -> dict:
    """The reference backward, with one knob per known mistake (defaults give the right answer)."""
    x, h_prev, c_prev, Wx, Wh, _ = (case[k] for k in NAMES)
    dh, dc_next = case["dh_next"], case["dc_next"]
    s = _gates(case, order)
    f, g, i, o = s["f"], s["g"], s["i"], s["o"]
    c_next = f * c_prev + g * i
    tc = np.tanh(c_next)
    deriv = 1 - tc**2 if dtanh == "right" else 1 - c_next**2
    dc = dh * o * deriv + (dc_next if with_dc_next else 0)
    dpre = {
        "f": dc * c_prev * f * (1 - f),
        "g": dc * i * (1 - g**2),
        "i": dc * g * i * (1 - i),
        "o": dh * tc * o * (1 - o),
    }
    dA = np.hstack([dpre[name] for name in order])
    return {
        "dx": dA @ Wx.T,
        "dh_prev": dA @ Wh.T,
        "dc_prev": dc * f if dc_prev_f else dc,
        "dWx": x.T @ dA,
        "dWh": h_prev.T @ dA,
        "db": dA.sum(axis=0),
        "grads_in_place": in_place,
    }


_run_forward, _run, _grad_run = _cells.runs("LSTM", ("h", "c"))


def _loss(case) -> float:
    out = _forward(case)
    return float(np.sum(out["h_next"] * case["dh_next"]) + np.sum(out["c_next"] * case["dc_next"]))


def _step(case) -> dict:
    """One call's right outputs: h_next, c_next, then backward's."""
    return {**_forward(case), **_backward(case)}


ORDER = dict(
    ja="ゲートの順番が違います（i, f, g, o の順に切り出しています）。この問題は 2 巻と同じく A の列を f, g, i, o の"
    "順に使います: f = A[:, :H]、g = A[:, H:2H]、i = A[:, 2H:3H]、o = A[:, 3H:]。逆伝播の dA も同じ順に並べます。",
    en="the gates are in the wrong order (you sliced i, f, g, o). As in book 2, A's columns hold f, g, i, o: "
    "f = A[:, :H], g = A[:, H:2H], i = A[:, 2H:3H], o = A[:, 3H:]; stack dA in the same order.",
)

FORWARD_VARIANTS = (Variant("gate_order_ifgo", lambda c: _forward(c, order="ifgo"), **ORDER),)

VARIANTS = (
    Variant("gate_order_ifgo", lambda c: _backward(c, order="ifgo"), **ORDER),
    Variant(
        "dtanh_of_c_next",
        lambda c: _backward(c, dtanh="c_next"),
        ja="tanh の微分を 1 − c_next² としています。h_next = o * tanh(c_next) で c_next は tanh の「入力」なので、"
        "微分は 1 − tanh(c_next)² です（出力 tanh(c_next) を 2 乗します）。",
        en="the tanh derivative is 1 − c_next²: in h_next = o * tanh(c_next), c_next is the tanh's INPUT, so "
        "the derivative is 1 − tanh(c_next)² (square the output tanh(c_next)).",
    ),
    Variant(
        "missing_dc_next",
        lambda c: _backward(c, with_dc_next=False),
        ja="dc_next の項が抜けています。c_next は h_next を経由するだけでなく、次の時刻へ直接も流れるので "
        "dc = dc_next + dh_next * o * (1 − tanh(c_next)²) です。",
        en="the dc_next term is missing: c_next reaches the loss through h_next and also directly (the next "
        "step), so dc = dc_next + dh_next * o * (1 − tanh(c_next)²).",
    ),
    Variant(
        "dc_prev_without_f",
        lambda c: _backward(c, dc_prev_f=False),
        ja="dc_prev に忘却ゲート f が掛かっていません。c_next = f * c_prev + … なので dc_prev = dc * f です。",
        en="dc_prev lacks the forget gate: c_next = f * c_prev + …, so dc_prev = dc * f.",
    ),
    _cells.GRADS_REBOUND,
)

CHECKS = {
    "forward": Cases(inputs=_inputs, run=_run_forward, expected=_forward, variants=FORWARD_VARIANTS),
    "backward": Cases(inputs=_inputs, run=_run, expected=_backward, variants=VARIANTS),
    "gradcheck": GradCheck(
        inputs=_inputs,
        run=_grad_run,
        loss=_loss,
        wrt={"dx": "x", "dh_prev": "h_prev", "dc_prev": "c_prev", "dWx": "Wx", "dWh": "Wh", "db": "b"},
    ),
    "reuse": Cases(
        inputs=_cells.reuse_inputs(_case),
        run=_cells.reuse_run("LSTM", ("h", "c")),
        expected=lambda c: _cells.per_call(c, _step),
        variants=_cells.reuse_variants(_step, FORWARD_VARIANTS, VARIANTS),
    ),
}
