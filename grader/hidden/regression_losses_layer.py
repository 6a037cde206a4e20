"""Hidden tests for `regression_losses_layer`: MAELoss and HuberLoss(delta) with book 1's layer API.

L = (1/N) Σ_n Σ_d ℓ(y − t) over y, t of shape (N, D): summed over the D outputs, averaged over the batch.
Residuals are at least 0.1 away from 0 (MAE's kink) and from ±delta, except one residual of exactly 0 in
the value checks (sign(0) = 0 by the statement), and every case has residuals of both signs inside and
outside delta, so each Huber branch is reached and each slip below shows. One case
calls backward() with its default dout = 1.0, the others pass dout = 2.5 or 0.4, so an ignored dout shows.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from
from grader.hidden._reuse import snapshot as _snapshot

SHAPES = ((4, 3), (6, 2), (3, 5))
DELTAS = (1.0, 0.5, 2.0)
DOUTS = (1.0, 2.5, 0.4)  # the first case calls backward() with no argument


def _residuals(rng, shape, delta):
    """|r| in [0.1, 3.5], at least 0.1 from delta; both signs inside and outside delta."""
    a = rng.uniform(0.1, 3.5, size=shape)
    a = np.where(np.abs(a - delta) < 0.1, delta + 0.3, a)
    r = rng.choice([-1.0, 1.0], size=shape) * a
    flat = r.reshape(-1)
    flat[0], flat[1], flat[2], flat[3] = 0.6 * delta, -0.4 * delta, delta + 0.7, -(delta + 1.1)
    return r


def _inputs(rng) -> list[dict]:
    cases = []
    for shape, delta, dout in zip(SHAPES, DELTAS, DOUTS):
        t = rng.normal(size=shape)
        cases.append({"y": t + _residuals(rng, shape, delta), "t": t, "delta": delta, "dout": dout})
    return cases


def _inputs_with_zero(rng) -> list[dict]:
    """The value checks' cases: as _inputs, plus one residual exactly 0 in the last case, where the
    statement takes the derivative of |r| as sign(0) = 0 (the gradchecks keep away from it)."""
    cases = _inputs(rng)
    last = cases[-1]
    last["y"][-1, -1] = last["t"][-1, -1]
    return cases


def _call_backward(layer, dout):
    return layer.backward() if dout == 1.0 else layer.backward(dout)


# ---- reference ----------------------------------------------------------------------------------
def _mae(r, n):
    return float(np.sum(np.abs(r)) / n)


def _huber_elements(r, delta):
    a = np.abs(r)
    return np.where(a <= delta, 0.5 * r**2, delta * (a - 0.5 * delta))


def _huber(r, delta, n):
    return float(np.sum(_huber_elements(r, delta)) / n)


def _r(c):
    return c["y"] - c["t"]


def _n(c):
    return c["y"].shape[0]


def _mae_forward_expected(c) -> dict:
    return {"loss": _mae(_r(c), _n(c)), "self.r": _r(c)}


def _mae_backward_expected(c) -> dict:
    return {"dy": c["dout"] * np.sign(_r(c)) / _n(c)}


def _huber_forward_expected(c) -> dict:
    return {"loss": _huber(_r(c), c["delta"], _n(c)), "self.r": _r(c)}


def _huber_backward_expected(c) -> dict:
    return {"dy": c["dout"] * np.clip(_r(c), -c["delta"], c["delta"]) / _n(c)}


# ---- the learner's side -------------------------------------------------------------------------
def _run_mae_forward(learner, c) -> dict:
    layer = learner.MAELoss()
    loss = layer.forward(c["y"], c["t"])
    return {"loss": loss, "self.r": _snapshot(getattr(layer, "r", None))}


def _run_mae_backward(learner, c) -> dict:
    layer = learner.MAELoss()
    layer.forward(c["y"], c["t"])
    return {"dy": _call_backward(layer, c["dout"])}


def _run_huber_forward(learner, c) -> dict:
    layer = learner.HuberLoss(c["delta"])
    loss = layer.forward(c["y"], c["t"])
    return {"loss": loss, "self.r": _snapshot(getattr(layer, "r", None))}


def _run_huber_backward(learner, c) -> dict:
    layer = learner.HuberLoss(delta=c["delta"])
    layer.forward(c["y"], c["t"])
    return {"dy": _call_backward(layer, c["dout"])}


# ---- known mistakes -----------------------------------------------------------------------------
SUM_JA = "バッチの N で割っていません（和のままです）。損失は D 個の出力について足し、N で割ります: np.sum(...) / y.shape[0]。"
SUM_EN = "the division by the batch size N is missing (this is the sum): sum over the D outputs and divide by N, np.sum(...) / y.shape[0]."
ALL_JA = (
    "N·D 個の要素すべてで平均しています（PyTorch の reduction='mean' の割り方）。この問題の損失は D 個の出力について"
    "足し、バッチの N だけで割ります: np.sum(...) / y.shape[0]。"
)
ALL_EN = (
    "this averages over all N·D elements (the division of PyTorch's reduction='mean'); the loss here sums over the D "
    "outputs and divides by the batch size N only: np.sum(...) / y.shape[0]."
)
SIGN_JA = "符号が逆です。残差は r = y − t なので、y について ∂r/∂y = +1 です（t − y にしていませんか）。"
SIGN_EN = "the sign is flipped: the residual is r = y − t, so ∂r/∂y = +1 (did you use t − y?)."
DOUT_JA = "dout を掛けていません。backward(dout) は dout · ∂L/∂y を返します（既定値 dout = 1.0）。"
DOUT_EN = "dout is not applied: backward(dout) returns dout · ∂L/∂y (the default is dout = 1.0)."

MAE_FORWARD_VARIANTS = (
    Variant("no_mean", lambda c: {"loss": float(np.sum(np.abs(_r(c))))}, ja=SUM_JA, en=SUM_EN),
    Variant("mean_all", lambda c: {"loss": float(np.mean(np.abs(_r(c))))}, ja=ALL_JA, en=ALL_EN),
    Variant(
        "squared",
        lambda c: {"loss": float(np.sum(_r(c) ** 2) / _n(c))},
        ja="残差を 2 乗しています（それは二乗誤差です）。MAE は絶対値 |y − t| を使います。",
        en="the residuals are squared (that is the squared error); the MAE uses absolute values |y − t|.",
    ),
    Variant(
        "no_abs",
        lambda c: {"loss": float(np.sum(_r(c)) / _n(c))},
        ja="絶対値を取っていません。正と負の残差が打ち消し合います: np.abs(y - t) を足します。",
        en="the absolute value is missing, so positive and negative residuals cancel: sum np.abs(y - t).",
    ),
)

MAE_BACKWARD_VARIANTS = (
    Variant("no_mean", lambda c: {"dy": c["dout"] * np.sign(_r(c))}, ja=SUM_JA, en=SUM_EN),
    Variant("mean_all", lambda c: {"dy": c["dout"] * np.sign(_r(c)) / _r(c).size}, ja=ALL_JA, en=ALL_EN),
    Variant("sign", lambda c: {"dy": -c["dout"] * np.sign(_r(c)) / _n(c)}, ja=SIGN_JA, en=SIGN_EN),
    Variant("no_dout", lambda c: {"dy": np.sign(_r(c)) / _n(c)}, ja=DOUT_JA, en=DOUT_EN),
    Variant(
        "sign_at_zero",
        lambda c: {"dy": c["dout"] * np.where(_r(c) > 0, 1.0, -1.0) / _n(c)},
        ja="残差がちょうど 0 の要素で −1 を返しています。この問題では |r| の r = 0 での微分を sign(0) = 0 とします: "
        "np.sign(self.r) を使います。",
        en="an element whose residual is exactly 0 gets −1: the derivative of |r| at r = 0 is taken as sign(0) = 0 "
        "here; use np.sign(self.r).",
    ),
    Variant(
        "residual",
        lambda c: {"dy": c["dout"] * _r(c) / _n(c)},
        ja="残差 r をそのまま返しています（それは r²/2 の微分です）。|r| の微分は sign(r) です: np.sign(self.r)。",
        en="this returns the residual r itself (the derivative of r²/2); the derivative of |r| is sign(r): np.sign(self.r).",
    ),
)


def _outer(c, fn):
    """The Huber elements with the outside part replaced by fn(|r|, delta)."""
    r, delta = _r(c), c["delta"]
    a = np.abs(r)
    return np.where(a <= delta, 0.5 * r**2, fn(a, delta))


HUBER_FORWARD_VARIANTS = (
    Variant("no_mean", lambda c: {"loss": float(np.sum(_huber_elements(_r(c), c["delta"])))}, ja=SUM_JA, en=SUM_EN),
    Variant("mean_all", lambda c: {"loss": float(np.mean(_huber_elements(_r(c), c["delta"])))}, ja=ALL_JA, en=ALL_EN),
    Variant(
        "smooth_l1",
        lambda c: {"loss": _huber(_r(c), c["delta"], _n(c)) / c["delta"]},
        ja="それは Huber 損失を delta で割った SmoothL1 の形です（PyTorch の nn.SmoothL1Loss(beta=delta)、内側 r²/(2·delta)、"
        "外側 |r| − delta/2）。Huber 損失は内側 r²/2、外側 delta·(|r| − delta/2) です。",
        en="that is the Huber loss divided by delta, the SmoothL1 form (PyTorch's nn.SmoothL1Loss(beta=delta): r²/(2·delta) "
        "inside, |r| − delta/2 outside); the Huber loss is r²/2 inside and delta·(|r| − delta/2) outside.",
    ),
    Variant(
        "outer_no_delta",
        lambda c: {"loss": float(np.sum(_outer(c, lambda a, d: a - 0.5 * d)) / _n(c))},
        ja="外側の delta の因子が抜けています（|r| − delta/2）。外側は delta·(|r| − delta/2) で、|r| = delta で内側の "
        "delta²/2 とつながります。",
        en="the factor delta outside is missing (|r| − delta/2): the outside part is delta·(|r| − delta/2), which meets the "
        "inner delta²/2 at |r| = delta.",
    ),
    Variant(
        "outer_no_half_delta",
        lambda c: {"loss": float(np.sum(_outer(c, lambda a, d: d * a)) / _n(c))},
        ja="外側の − delta/2 が抜けています（delta·|r|）。外側は delta·(|r| − delta/2) です。",
        en="the − delta/2 outside is missing (delta·|r|): the outside part is delta·(|r| − delta/2).",
    ),
    Variant(
        "inner_no_half",
        lambda c: {
            "loss": float(
                np.sum(np.where(np.abs(_r(c)) <= c["delta"], _r(c) ** 2, _huber_elements(_r(c), c["delta"]))) / _n(c)
            )
        },
        ja="内側の 1/2 が抜けています（r²）。内側は r²/2 です。",
        en="the 1/2 inside is missing (r²): the inside part is r²/2.",
    ),
)

HUBER_BACKWARD_VARIANTS = (
    Variant("no_mean", lambda c: {"dy": c["dout"] * np.clip(_r(c), -c["delta"], c["delta"])}, ja=SUM_JA, en=SUM_EN),
    Variant(
        "mean_all",
        lambda c: {"dy": c["dout"] * np.clip(_r(c), -c["delta"], c["delta"]) / _r(c).size},
        ja=ALL_JA,
        en=ALL_EN,
    ),
    Variant(
        "sign", lambda c: {"dy": -c["dout"] * np.clip(_r(c), -c["delta"], c["delta"]) / _n(c)}, ja=SIGN_JA, en=SIGN_EN
    ),
    Variant("no_dout", lambda c: {"dy": np.clip(_r(c), -c["delta"], c["delta"]) / _n(c)}, ja=DOUT_JA, en=DOUT_EN),
    Variant(
        "smooth_l1",
        lambda c: {"dy": c["dout"] * np.clip(_r(c), -c["delta"], c["delta"]) / c["delta"] / _n(c)},
        ja="それは SmoothL1 の勾配です（内側 r/delta、外側 sign(r)）。Huber 損失の勾配は内側 r、外側 delta·sign(r) です。",
        en="that is the SmoothL1 gradient (r/delta inside, sign(r) outside); the Huber loss's gradient is r inside and "
        "delta·sign(r) outside.",
    ),
    Variant(
        "outer_no_delta",
        lambda c: {"dy": c["dout"] * np.where(np.abs(_r(c)) <= c["delta"], _r(c), np.sign(_r(c))) / _n(c)},
        ja="外側の勾配が sign(r) になっています。外側 delta·(|r| − delta/2) の微分は delta·sign(r) です。",
        en="the outside gradient is sign(r); the derivative of delta·(|r| − delta/2) is delta·sign(r).",
    ),
    Variant(
        "outer_no_sign",
        lambda c: {"dy": c["dout"] * np.where(np.abs(_r(c)) <= c["delta"], _r(c), c["delta"]) / _n(c)},
        ja="外側の勾配の符号が抜けています（いつも +delta）。負の残差では −delta です: delta·sign(r)。",
        en="the outside gradient has lost its sign (always +delta): for a negative residual it is −delta, delta·sign(r).",
    ),
    Variant(
        "unclipped",
        lambda c: {"dy": c["dout"] * _r(c) / _n(c)},
        ja="外側でも r を返しています（二乗誤差の勾配）。|r| > delta では勾配を delta·sign(r) で頭打ちにします: "
        "np.clip(self.r, -delta, delta) と同じです。",
        en="this returns r outside as well (the squared error's gradient): for |r| > delta the gradient is capped at "
        "delta·sign(r), the same as np.clip(self.r, -delta, delta).",
    ),
)


# ---- one object, three calls (as in training) ---------------------------------------------------
# The second call has the first one's shape (a residual kept while the shape matches shows), the third
# another batch size. Each case reuses one MAELoss and one HuberLoss(delta).
REUSE_SHAPES = (((4, 3), (4, 3), (7, 3)), ((2, 5), (2, 5), (4, 5)), ((3, 2), (3, 2), (6, 2)))


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for shapes, delta in zip(REUSE_SHAPES, DELTAS):
        case: dict = {"delta": delta}
        for k, shape in zip(CALLS, shapes):
            t = rng.normal(size=shape)
            case[f"x{k}"] = t + _residuals(rng, shape, delta)  # the prediction y of call k
            case[f"t{k}"] = t
        cases.append(case)
    return cases


def _reuse_run(learner, c) -> dict:
    mae, huber = learner.MAELoss(), learner.HuberLoss(c["delta"])
    result = {}
    for k in CALLS:
        result[f"mae{k}"] = mae.forward(c[f"x{k}"], c[f"t{k}"])
        result[f"dmae{k}"] = _snapshot(mae.backward())
        result[f"huber{k}"] = huber.forward(c[f"x{k}"], c[f"t{k}"])
        result[f"dhuber{k}"] = _snapshot(huber.backward())
    return result


def _reuse_expected(c, stale=False) -> dict:
    result = {}
    delta = c["delta"]
    for k, j in zip(CALLS, _kept_from(c)):
        r = c[f"x{k}"] - c[f"t{k}"]
        kept = c[f"x{j}"] - c[f"t{j}"] if stale else r
        n = r.shape[0]
        result[f"mae{k}"] = _mae(r, n)
        result[f"dmae{k}"] = np.sign(kept) / n
        result[f"huber{k}"] = _huber(r, delta, n)
        result[f"dhuber{k}"] = np.clip(kept, -delta, delta) / n
    return result


REUSE_VARIANTS = (
    Variant(
        "stale_residual",
        lambda c: _reuse_expected(c, stale=True),
        ja="backward が前の forward の残差を使っています（最初に保存した self.r を、形が同じあいだ上書きしていない）。"
        "学習では 1 つの損失レイヤにミニバッチが次々に渡されるので、forward は呼ぶたびに self.r = y - t を上書きします。",
        en="backward uses the residual of an earlier forward (the self.r saved first is not overwritten while the shape "
        "stays the same). In training one loss layer sees every mini-batch, so every forward overwrites self.r = y - t.",
    ),
)

CHECKS = {
    "mae_forward": Cases(
        inputs=_inputs_with_zero, run=_run_mae_forward, expected=_mae_forward_expected, variants=MAE_FORWARD_VARIANTS
    ),
    "mae_backward": Cases(
        inputs=_inputs_with_zero, run=_run_mae_backward, expected=_mae_backward_expected, variants=MAE_BACKWARD_VARIANTS
    ),
    "huber_forward": Cases(
        inputs=_inputs_with_zero,
        run=_run_huber_forward,
        expected=_huber_forward_expected,
        variants=HUBER_FORWARD_VARIANTS,
    ),
    "huber_backward": Cases(
        inputs=_inputs_with_zero,
        run=_run_huber_backward,
        expected=_huber_backward_expected,
        variants=HUBER_BACKWARD_VARIANTS,
    ),
    "mae_gradcheck": GradCheck(
        inputs=_inputs,
        run=_run_mae_backward,
        loss=lambda c: c["dout"] * _mae(_r(c), _n(c)),
        wrt={"dy": "y"},
    ),
    "huber_gradcheck": GradCheck(
        inputs=_inputs,
        run=_run_huber_backward,
        loss=lambda c: c["dout"] * _huber(_r(c), c["delta"], _n(c)),
        wrt={"dy": "y"},
    ),
    "reuse": Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected, variants=REUSE_VARIANTS),
}
