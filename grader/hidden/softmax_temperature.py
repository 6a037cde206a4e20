"""Hidden tests for `softmax_temperature`: softmax(z / T) row by row, and the gradient of the mean
cross entropy −(1/N) Σ log softmax(z / T)[n, t_n] with respect to z, (y − onehot(t)) / (T·N).

T is never 1 (where dividing and multiplying agree); the cases spread T from 0.02 (almost the one-hot
argmax) to 40 (almost uniform). The `overflow` check has logits around ±1000 to ±2000 with |z / T| beyond
709 in every row, so a softmax without the row max gives NaN (its variant computes the same NaN), one
row far below the others (a max over the whole batch underflows it to 0 / 0) and a row whose z / T spread
exceeds 709 (subtracting the row min overflows).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._softmax import log_softmax, softmax

SPECS = (((4, 6), 2.5), ((3, 5), 0.4), ((5, 3), 0.02), ((2, 7), 40.0))
BIG_SPECS = (((3, 5), 0.8, 1000.0), ((4, 3), 0.5, 1000.0), ((2, 6), 1.6, 2000.0))


def _case(rng, shape, T, offset=0.0) -> dict:
    n, c = shape
    z = offset + rng.normal(scale=2.0, size=shape)
    t = rng.integers(0, c, size=n)
    t[0] = int(np.argmax(z[0]))  # one row whose label is its argmax, one whose label is not
    t[1] = int(np.argmin(z[1]))
    return {"z": z, "t": t, "T": T}


def _inputs(rng) -> list[dict]:
    return [_case(rng, shape, T) for shape, T in SPECS]


def _big_inputs(rng) -> list[dict]:
    """Logits around +offset, one row around −offset (a max over the whole batch would underflow it),
    and in the last row one logit 900·T above the rest (a spread of z / T over 709 within a row)."""
    cases = []
    for shape, T, offset in BIG_SPECS:
        case = _case(rng, shape, T, offset)
        case["z"][1] -= 2.0 * offset
        case["z"][-1, -1] = case["z"][-1].max() + 900.0 * T
        cases.append(case)
    return cases


def _onehot(c):
    out = np.zeros_like(c["z"])
    out[np.arange(c["t"].size), c["t"]] = 1.0
    return out


def _naive(z, axis=1):
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(z)
        return e / e.sum(axis=axis, keepdims=True)


def _grad(c, y=None, factor=None) -> dict:
    """(y − onehot(t)) times factor (1 / (T·N) unless given), y = softmax(z / T) unless given."""
    y = softmax(c["z"] / c["T"], axis=1) if y is None else y
    n = c["z"].shape[0]
    factor = 1.0 / (c["T"] * n) if factor is None else factor
    return {"dz": (y - _onehot(c)) * factor}


# ---- the learner's side -------------------------------------------------------------------------
def _forward_run(learner, c) -> dict:
    y = learner.softmax_temperature(c["z"], c["T"])
    return {"y": y, "z": c["z"]}  # z after the call: must be unchanged


def _backward_run(learner, c) -> dict:
    return {"dz": learner.temperature_ce_grad(c["z"], c["t"], c["T"])}


def _loss(c) -> float:
    logp = log_softmax(c["z"] / c["T"], axis=1)
    return float(-np.mean(logp[np.arange(c["t"].size), c["t"]]))


# ---- known mistakes -----------------------------------------------------------------------------
MULTIPLIED = dict(
    ja="温度 T を掛けています（softmax(z * T)）。温度は logits を割ります: softmax(z / T)。T > 1 で分布が平らになり、"
    "T → 0 で argmax の one-hot に近づきます。",
    en="the temperature multiplies the logits (softmax(z * T)). It divides them: softmax(z / T), which flattens "
    "the distribution for T > 1 and approaches the one-hot of the argmax as T → 0.",
)
NO_T = dict(
    ja="温度 T を使っていません（ふつうの softmax(z) です）。logits を T で割ってから softmax します: softmax(z / T)。",
    en="the temperature T is not used (this is the plain softmax(z)): divide the logits by T first, softmax(z / T).",
)
WRONG_AXIS = dict(
    ja="softmax をバッチの軸（axis=0）でとっています。各行（サンプル）の中でクラスの軸 axis=1 について正規化します。",
    en="the softmax is taken over the batch axis (axis=0): normalise within each row (sample), over the class axis "
    "axis=1.",
)
NO_MAX = dict(
    ja="行の最大値を引かずに exp を計算したので、z / T が 709 を超える行で exp が inf になり、inf / inf = NaN です。"
    "各行の最大値を引いた z / T − max(z / T) の exp をとります（softmax の値は変わりません）。",
    en="exp is taken without subtracting the row max, so where z / T exceeds 709 exp overflows to inf and inf / inf "
    "gives NaN. Take exp of z / T − max(z / T) per row (the softmax does not change).",
)
NO_INV_T = dict(
    ja="勾配に 1/T が抜けています。u = z / T なので、連鎖律で ∂L/∂z = (∂L/∂u) / T = (y − t) / (T·N) です。",
    en="the gradient is missing 1/T: u = z / T, so by the chain rule ∂L/∂z = (∂L/∂u) / T = (y − t) / (T·N).",
)
NO_MEAN = dict(
    ja="バッチの平均（1/N）をとっていません。損失はバッチの平均なので、勾配は (y − t) / (T·N) です。",
    en="the batch mean (1/N) is missing: the loss is the mean over the batch, so the gradient is (y − t) / (T·N).",
)
TIMES_T = dict(
    ja="勾配に 1/T ではなく T を掛けています（知識蒸留で損失に T² を掛けたときの勾配 T·(y − t)/N と混同しています）。"
    "この損失は T² を掛けないので、∂L/∂z = (y − t) / (T·N) です。",
    en="the gradient is multiplied by T instead of 1/T (mixing it up with distillation, whose loss times T² has "
    "the gradient T·(y − t)/N). This loss has no T², so ∂L/∂z = (y − t) / (T·N).",
)

FORWARD_VARIANTS = (
    Variant("multiplied", lambda c: {"y": softmax(c["z"] * c["T"], axis=1)}, **MULTIPLIED),
    Variant("no_temperature", lambda c: {"y": softmax(c["z"], axis=1)}, **NO_T),
    Variant("wrong_axis", lambda c: {"y": softmax(c["z"] / c["T"], axis=0)}, **WRONG_AXIS),
    Variant(
        "z_overwritten",
        lambda c: {"z": c["z"] / c["T"]},
        ja="渡された z を書き換えています（z /= T など）。z は呼び出し側の配列なので、新しい配列 z / T を作ります。",
        en="the z passed in is overwritten (z /= T or the like). z belongs to the caller: build a new array z / T.",
    ),
)

BACKWARD_VARIANTS = (
    Variant("no_inv_T", lambda c: _grad(c, factor=1.0 / c["z"].shape[0]), **NO_INV_T),
    Variant("no_mean", lambda c: _grad(c, factor=1.0 / c["T"]), **NO_MEAN),
    Variant("times_T", lambda c: _grad(c, factor=c["T"] / c["z"].shape[0]), **TIMES_T),
    Variant(
        "multiplied",
        lambda c: _grad(c, y=softmax(c["z"] * c["T"], axis=1), factor=c["T"] / c["z"].shape[0]),
        **MULTIPLIED,
    ),
    Variant(
        "multiplied_over_T",
        lambda c: _grad(c, y=softmax(c["z"] * c["T"], axis=1)),
        **MULTIPLIED,
    ),
    Variant("no_temperature", lambda c: _grad(c, y=softmax(c["z"], axis=1)), **NO_T),
)

GLOBAL_MAX = dict(
    ja="最大値をバッチ全体でとっています（u.max() に axis がない）。ほかの行よりずっと小さい logits の行では exp が"
    "すべて 0 になり、0 / 0 = NaN です。各行の最大値 u.max(axis=1, keepdims=True) を引きます。",
    en="the max is taken over the whole batch (u.max() without an axis): in a row whose logits are far below the "
    "others every exp underflows to 0, and 0 / 0 is NaN. Subtract each row's max, u.max(axis=1, keepdims=True).",
)


def _global_max(z):
    with np.errstate(invalid="ignore"):
        e = np.exp(z - z.max())
        return e / e.sum(axis=1, keepdims=True)


BIG_FORWARD_VARIANTS = (
    Variant("no_max", lambda c: {"y": _naive(c["z"] / c["T"])}, **NO_MAX),
    Variant("global_max", lambda c: {"y": _global_max(c["z"] / c["T"])}, **GLOBAL_MAX),
)
BIG_BACKWARD_VARIANTS = (
    Variant("no_max_grad", lambda c: _grad(c, y=_naive(c["z"] / c["T"])), **NO_MAX),
    Variant("global_max_grad", lambda c: _grad(c, y=_global_max(c["z"] / c["T"])), **GLOBAL_MAX),
)


def _forward_expected(c) -> dict:
    return {"y": softmax(c["z"] / c["T"], axis=1), "z": c["z"]}


CHECKS = {
    "softmax": Cases(inputs=_inputs, run=_forward_run, expected=_forward_expected, variants=FORWARD_VARIANTS),
    "overflow": Cases(
        inputs=_big_inputs,
        run=lambda learner, c: {**_forward_run(learner, c), **_backward_run(learner, c)},
        expected=lambda c: {**_forward_expected(c), **_grad(c)},
        variants=BIG_FORWARD_VARIANTS + BIG_BACKWARD_VARIANTS,
    ),
    "grad": Cases(inputs=_inputs, run=_backward_run, expected=_grad, variants=BACKWARD_VARIANTS),
    "gradcheck": GradCheck(inputs=_inputs, run=_backward_run, loss=_loss, wrt={"dz": "z"}),
}
