"""Hidden tests for `gru_cell`: one step of a GRU with book 2's appendix-C equations.

Columns of Wx (D, 3H), Wh (H, 3H), b (3H,) in the order z, r, h:
  z = σ(x Wx_z + h_prev Wh_z + b_z), r = σ(x Wx_r + h_prev Wh_r + b_r),
  h_hat = tanh(x Wx_h + (r ⊙ h_prev) Wh_h + b_h), h_next = (1 − z) ⊙ h_prev + z ⊙ h_hat.
backward(dh_next) returns (dx, dh_prev) and writes dWx, dWh, db into self.grads IN PLACE.
The reference below also computes the two other common GRU forms (z and 1 − z swapped; the reset
gate applied after the product with Wh_h) so that a learner who used one of them is told so. The reuse check drives one object through
three calls with different batch sizes, as training does (see _cells).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden import _cells

# (N, D, H): all different, batch >= 2.
SHAPES = ((3, 4, 5), (4, 6, 3), (2, 3, 4))
NAMES = ("x", "h_prev", "Wx", "Wh", "b")


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _case(rng, n, d, h) -> dict:
    return {
        "x": rng.normal(size=(n, d)),
        "h_prev": rng.uniform(-0.9, 0.9, size=(n, h)),
        "Wx": rng.normal(scale=0.7, size=(d, 3 * h)),
        "Wh": rng.normal(scale=0.7, size=(h, 3 * h)),
        "b": rng.normal(scale=0.5, size=3 * h),
        "dh_next": rng.normal(size=(n, h)),
    }


def _inputs(rng) -> list[dict]:
    return [_case(rng, n, d, h) for n, d, h in SHAPES]


def _gru(case, *, swap_z=False, reset_after=False, direct=True, r_in_dh=True, in_place=True) -> dict:
    """Forward and backward of one GRU form; the knobs select known mistakes (defaults: the right one)."""
    x, h_prev, Wx, Wh, b = (case[k] for k in NAMES)
    dh = case["dh_next"]
    H = h_prev.shape[1]
    Wxz, Wxr, Wxh = Wx[:, :H], Wx[:, H : 2 * H], Wx[:, 2 * H :]
    Whz, Whr, Whh = Wh[:, :H], Wh[:, H : 2 * H], Wh[:, 2 * H :]
    z = _sigmoid(x @ Wxz + h_prev @ Whz + b[:H])
    r = _sigmoid(x @ Wxr + h_prev @ Whr + b[H : 2 * H])
    u = h_prev @ Whh
    rh = r * h_prev
    h_hat = np.tanh(x @ Wxh + (r * u if reset_after else rh @ Whh) + b[2 * H :])
    keep, new = (z, 1 - z) if swap_z else (1 - z, z)  # weights of h_prev and of h_hat
    h_next = keep * h_prev + new * h_hat

    dt = dh * new * (1 - h_hat**2)
    dz = dh * (h_hat - h_prev) * (-1 if swap_z else 1)
    dh_prev = dh * keep if direct else np.zeros_like(h_prev)
    if reset_after:
        du = dt * r
        dr = dt * u
        dWhh = h_prev.T @ du
        dh_prev = dh_prev + du @ Whh.T
    else:
        drh = dt @ Whh.T
        dr = drh * h_prev
        dWhh = rh.T @ dt
        dh_prev = dh_prev + (drh * r if r_in_dh else drh)
    dz_pre = dz * z * (1 - z)
    dr_pre = dr * r * (1 - r)
    dh_prev = dh_prev + dz_pre @ Whz.T + dr_pre @ Whr.T
    dA = np.hstack((dz_pre, dr_pre, dt))
    return {
        "h_next": h_next,
        "dx": dA @ Wx.T,
        "dh_prev": dh_prev,
        "dWx": x.T @ dA,
        "dWh": np.hstack((h_prev.T @ dz_pre, h_prev.T @ dr_pre, dWhh)),
        "db": dA.sum(axis=0),
        "grads_in_place": in_place,
    }


def _forward(case, **knobs) -> dict:
    return {"h_next": _gru(case, **knobs)["h_next"]}


def _backward(case, **knobs) -> dict:
    out = _gru(case, **knobs)
    del out["h_next"]
    return out


_run_forward, _run, _grad_run = _cells.runs("GRU", ("h",))


def _loss(case) -> float:
    return float(np.sum(_gru(case)["h_next"] * case["dh_next"]))


SWAP_Z = dict(
    ja="z と 1 − z が逆です（h_next = z * h_prev + (1 − z) * h_hat）。この問題は 2 巻の付録と同じく "
    "h_next = (1 − z) * h_prev + z * h_hat で、z は新しい候補 h_hat の側に掛かります。"
    "（逆の書き方をする本や論文もありますが、z の意味が入れ替わるだけで、ここでは 2 巻の式に従います。）",
    en="z and 1 − z are swapped (h_next = z * h_prev + (1 − z) * h_hat). This problem follows book 2's appendix: "
    "h_next = (1 − z) * h_prev + z * h_hat, z weighs the new candidate h_hat. (Some books and papers write "
    "it the other way round, which only flips what z means; here the statement's equation is the one.)",
)
RESET_AFTER = dict(
    ja="リセットゲートを行列積の「後」に掛けています（r * (h_prev @ Wh_h)）。この問題は 2 巻の付録と同じく"
    "「前」に掛けます: (r * h_prev) @ Wh_h。（r * (h_prev @ Wh_h) は cuDNN や PyTorch の GRU の形で、"
    "値が違います。）",
    en="the reset gate is applied AFTER the product with Wh_h (r * (h_prev @ Wh_h)). This problem follows book 2's "
    "appendix and applies it BEFORE: (r * h_prev) @ Wh_h. (r * (h_prev @ Wh_h) is the cuDNN / PyTorch GRU form; "
    "it gives different values.)",
)

FORWARD_VARIANTS = (
    Variant("swap_z", lambda c: _forward(c, swap_z=True), **SWAP_Z),
    Variant("reset_after", lambda c: _forward(c, reset_after=True), **RESET_AFTER),
)

VARIANTS = (
    Variant("swap_z", lambda c: _backward(c, swap_z=True), **SWAP_Z),
    Variant("reset_after", lambda c: _backward(c, reset_after=True), **RESET_AFTER),
    Variant(
        "no_direct_path",
        lambda c: _backward(c, direct=False),
        ja="dh_prev に直接の経路 dh_next * (1 − z) が入っていません。h_next = (1 − z) * h_prev + … なので、"
        "h_prev はゲートや h_hat を経由する経路のほかに、この項からも勾配を受け取ります。",
        en="dh_prev misses the direct path dh_next * (1 − z): h_next = (1 − z) * h_prev + …, so h_prev gets "
        "a gradient from this term as well as through the gates and h_hat.",
    ),
    Variant(
        "no_r_in_dh_prev",
        lambda c: _backward(c, r_in_dh=False),
        ja="h_hat の経路で dh_prev に r が掛かっていません。h_hat の中身は (r * h_prev) @ Wh_h なので、"
        "d(r * h_prev) = dt @ Wh_h.T から h_prev へは「* r」、r へは「* h_prev」です。",
        en="on the h_hat path, dh_prev lacks the factor r: h_hat uses (r * h_prev) @ Wh_h, so from "
        "d(r * h_prev) = dt @ Wh_h.T the gradient is '* r' for h_prev and '* h_prev' for r.",
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
        wrt={"dx": "x", "dh_prev": "h_prev", "dWx": "Wx", "dWh": "Wh", "db": "b"},
    ),
    "reuse": Cases(
        inputs=_cells.reuse_inputs(_case),
        run=_cells.reuse_run("GRU", ("h",)),
        expected=lambda c: _cells.per_call(c, _gru),
        variants=_cells.reuse_variants(_gru, FORWARD_VARIANTS, VARIANTS),
    ),
}
