"""Hidden tests for `relu_layer` (book 1 `Relu`): forward keeps a boolean mask = (x <= 0).

Inputs are never within 0.1 of 0, so mask x <= 0 and x < 0 agree (as do > and >=), the central
difference h = 1e-4 never crosses the kink, and the wrong variants below (mask taken from dout,
dout passed through, the inverted mask, the derivative without dout) all differ from the right dx.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from
from grader.hidden._reuse import snapshot as _snapshot

SHAPES = ((3, 4), (2, 5), (2, 3, 2, 4))


def _away_from_zero(rng, shape):
    """Values with |x| in [0.1, 2] and random signs, both signs present."""
    x = rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.1, 2.0, size=shape)
    flat = x.reshape(-1)
    flat[0], flat[1] = abs(flat[0]), -abs(flat[1])
    return x


def _inputs(rng) -> list[dict]:
    # dout has both signs too, independent of x's, so a mask taken from dout shows
    return [{"x": _away_from_zero(rng, s), "dout": rng.normal(size=s)} for s in SHAPES]


def _relu(x):
    return np.maximum(x, 0.0)


def _forward_expected(case) -> dict:
    return {"out": _relu(case["x"]), "mask": case["x"] <= 0, "x": case["x"]}


def _backward_expected(case) -> dict:
    return {"dx": np.where(case["x"] > 0, case["dout"], 0.0)}


def _run_forward(learner, case) -> dict:
    layer = learner.Relu()
    out = layer.forward(case["x"])
    return {"out": out, "mask": getattr(layer, "mask", None), "x": case["x"]}  # x after forward


def _run_backward(learner, case) -> dict:
    layer = learner.Relu()
    layer.forward(case["x"])
    return {"dx": layer.backward(case["dout"])}


FORWARD_VARIANTS = (
    Variant(
        "x_overwritten",
        lambda c: {"x": _relu(c["x"])},
        ja="forward が渡された x を書き換えています（out = x のあと out[self.mask] = 0 とすると x も 0 になります）。"
        "x は呼び出し側の配列なので、コピーに書き込みます: out = x.copy(); out[self.mask] = 0。",
        en="forward overwrites the x passed in (out = x followed by out[self.mask] = 0 zeroes x too). x belongs "
        "to the caller: write into a copy, out = x.copy(); out[self.mask] = 0.",
    ),
    Variant(
        "step",
        lambda c: {"out": (c["x"] > 0).astype(float)},
        ja="0/1 を返しています（ステップ関数、つまり ReLU の微分の形）。ReLU の出力は x > 0 なら x、"
        "それ以外は 0 です: out = x.copy(); out[self.mask] = 0。",
        en="this returns 0/1 (the step function, i.e. ReLU's derivative). ReLU outputs x where x > 0 and 0 "
        "elsewhere: out = x.copy(); out[self.mask] = 0.",
    ),
    Variant(
        "mask_inverted",
        lambda c: {"mask": c["x"] > 0},
        ja="mask が逆です。1 巻の Relu の mask は、0 にする要素（x <= 0）で True の真偽値配列です: "
        "self.mask = (x <= 0)。",
        en="the mask is inverted: book 1's Relu keeps a boolean mask that is True where the output is set "
        "to 0 (x <= 0): self.mask = (x <= 0).",
    ),
)

BACKWARD_VARIANTS = (
    Variant(
        "pass_through",
        lambda c: {"dx": c["dout"]},
        ja="dout をそのまま返しています。forward で 0 にした要素（x <= 0）では、勾配も 0 にします: "
        "dout[self.mask] = 0。",
        en="dout is passed through unchanged: where forward output 0 (x <= 0), the gradient is 0 too: "
        "dout[self.mask] = 0.",
    ),
    Variant(
        "mask_from_dout",
        lambda c: {"dx": np.where(c["dout"] > 0, c["dout"], 0.0)},
        ja="dout の符号で 0 にしています。0 にするのは forward の入力 x が 0 以下だった要素です: "
        "forward で覚えた self.mask（x <= 0）を使います。",
        en="the gradient is cut by the sign of dout; it must be cut where forward's input x was <= 0: use "
        "the self.mask kept by forward (x <= 0).",
    ),
    Variant(
        "inverted",
        lambda c: {"dx": np.where(c["x"] < 0, c["dout"], 0.0)},
        ja="逆の要素を 0 にしています（x > 0 の勾配を 0 にし、x < 0 の勾配を通している）。"
        "勾配を通すのは x > 0 の要素です。",
        en="the wrong elements are zeroed (the gradient is cut where x > 0 and passed where x < 0): it "
        "passes where x > 0.",
    ),
    Variant(
        "no_dout",
        lambda c: {"dx": (c["x"] > 0).astype(float)},
        ja="ReLU の微分（0/1）だけを返しています。連鎖律で上流の勾配 dout を掛けます: forward で保存した"
        "マスク（self.mask = (x <= 0)）を使って dx = dout.copy(); dx[self.mask] = 0 とします。",
        en="this is ReLU's derivative (0/1) alone: by the chain rule multiply by the upstream gradient dout, "
        "using the mask kept by forward (self.mask = (x <= 0)): dx = dout.copy(); dx[self.mask] = 0.",
    ),
)

CHECKS = {
    "forward": Cases(inputs=_inputs, run=_run_forward, expected=_forward_expected, variants=FORWARD_VARIANTS),
    "backward": Cases(inputs=_inputs, run=_run_backward, expected=_backward_expected, variants=BACKWARD_VARIANTS),
    "gradcheck": GradCheck(
        inputs=_inputs, run=_run_backward, loss=lambda c: float(np.sum(_relu(c["x"]) * c["dout"])), wrt={"dx": "x"}
    ),
}


# ---- one object, three calls (as in training) ---------------------------------------------------
# Shapes of the three forward/backward calls on ONE Relu: the second equals the first (a mask kept
# while the shape matches shows), the third has another batch size.
REUSE_SHAPES = (((4, 5), (4, 5), (6, 5)), ((3, 2, 4), (3, 2, 4), (5, 2, 4)), ((2, 3, 4), (2, 3, 4), (4, 3, 4)))


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for shapes in REUSE_SHAPES:
        case: dict = {}
        for k, shape in zip(CALLS, shapes):
            case[f"x{k}"] = _away_from_zero(rng, shape)
            case[f"dout{k}"] = rng.normal(size=shape)
        cases.append(case)
    return cases


def _reuse_run(learner, case) -> dict:
    layer = learner.Relu()
    result = {}
    for k in CALLS:
        result[f"out{k}"] = _snapshot(layer.forward(case[f"x{k}"]))
        result[f"dx{k}"] = _snapshot(layer.backward(case[f"dout{k}"]))
    return result


def _reuse_expected(case, stale_forward=False, stale_backward=False) -> dict:
    result = {}
    for k, j in zip(CALLS, _kept_from(case)):
        x, dout = case[f"x{k}"], case[f"dout{k}"]
        keep_fwd = case[f"x{j if stale_forward else k}"] > 0
        keep_bwd = case[f"x{j if stale_forward or stale_backward else k}"] > 0
        result[f"out{k}"] = np.where(keep_fwd, x, 0.0)
        result[f"dx{k}"] = np.where(keep_bwd, dout, 0.0)
    return result


# backward_stale_mask first: its dx equals mask_reused's, but its out is the right one.
REUSE_VARIANTS = (
    Variant(
        "backward_stale_mask",
        lambda c: _reuse_expected(c, stale_backward=True),
        ja="forward の出力は合っていますが、backward が前の forward の mask を使っています。backward は直前の "
        "forward が保存した self.mask を使うので、forward のたびに self.mask = (x <= 0) を上書きしてください。",
        en="forward's output is right, but backward uses the mask of an earlier forward: backward must use the "
        "self.mask saved by the latest forward, so every forward overwrites self.mask = (x <= 0).",
    ),
    Variant(
        "mask_reused",
        lambda c: _reuse_expected(c, stale_forward=True),
        ja="前の呼び出しの mask を使い回しています（最初の forward で作った mask を、形が同じあいだ作り直していない）。"
        "学習では 1 つの Relu にミニバッチが次々に渡されるので、forward は呼ぶたびに self.mask = (x <= 0) を"
        "今回の x から作り直します。",
        en="the mask of an earlier call is reused (the mask made by the first forward is kept while the shape "
        "stays the same). In training one Relu object sees every mini-batch, so every forward recomputes "
        "self.mask = (x <= 0) from this call's x.",
    ),
)

CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected, variants=REUSE_VARIANTS)
