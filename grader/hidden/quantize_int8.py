"""Hidden tests for `quantize_int8`: symmetric per-tensor int8 quantisation.

auto: scale = max|x| / 127 (the largest |x| is negative in some cases, so max(x) shows), q = round(x / scale).
given: a calibrated scale of 0.5 with x on a grid of 0.25, so x / scale hits exact halves (round half to
even vs half up vs truncation) and goes beyond ±127 (the clip to [-127, 127] matters).
dequantize: q (int8) * scale as float.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SHAPES = ((3, 5), (4, 2, 3), (2, 7))


def _auto_inputs(rng) -> list[dict]:
    cases = []
    for k, shape in enumerate(SHAPES):
        x = rng.normal(size=shape) * (0.5 + k)
        flat = x.reshape(-1)
        i = int(np.argmax(np.abs(flat)))
        if k != 1 and flat[i] > 0:
            flat[i] = -flat[i]  # cases 0 and 2: the largest |x| is negative
        elif k == 1 and flat[i] < 0:
            flat[i] = -flat[i]
        cases.append({"x": x})
    return cases


def _given_inputs(rng) -> list[dict]:
    cases = []
    for shape in SHAPES:
        k = rng.integers(-700, 701, size=shape)
        k.reshape(-1)[:4] = [301, -301, 255, -257]  # exact halves beyond ±127 and near the edges
        k.reshape(-1)[4:8] = [5, -5, 7, -3]  # exact halves: 2.5, -2.5, 3.5, -1.5
        cases.append({"x": k * 0.25, "scale": 0.5})
    return cases


def _quant(x, scale, *, rounding="even", lo=-127, hi=127, clip_after_cast=False):
    v = x / scale
    if rounding == "even":
        v = np.round(v)
    elif rounding == "trunc":
        v = np.trunc(v)
    elif rounding == "floor":
        v = np.floor(v)
    elif rounding == "half_up":
        v = np.sign(v) * np.floor(np.abs(v) + 0.5)
    if lo is not None and not clip_after_cast:
        v = np.clip(v, lo, hi)
    with np.errstate(invalid="ignore", over="ignore"):
        q = v.astype(np.int8)  # out of range: whatever this platform makes of it, as in the learner's process
    return np.clip(q, lo, hi).astype(np.int8) if clip_after_cast else q


def _run(learner, case) -> dict:
    if "scale" in case:
        res = learner.quantize(case["x"], case["scale"])
    else:
        res = learner.quantize(case["x"])
    q, scale = res if isinstance(res, tuple) and len(res) == 2 else (res, None)
    return {"scale": scale, "q": q, "is_int8": bool(isinstance(q, np.ndarray) and q.dtype == np.int8)}


def _auto_expected(c, *, div=127.0, absmax=True, **kw) -> dict:
    m = np.max(np.abs(c["x"])) if absmax else np.max(c["x"])
    scale = float(m) / div
    return {"scale": scale, "q": _quant(c["x"], scale, **kw), "is_int8": True}


def _given_expected(c, **kw) -> dict:
    return {"scale": c["scale"], "q": _quant(c["x"], c["scale"], **kw), "is_int8": True}


ROUNDING = dict(
    trunc=dict(
        ja="小数部を切り捨てています（astype(np.int8) は 0 方向への切り捨て）。先に np.round で丸めます。",
        en="the fraction is truncated (astype(np.int8) truncates towards 0): round with np.round first.",
    ),
    floor=dict(
        ja="np.floor で切り下げています。最も近い整数に丸めます（np.round）。",
        en="np.floor rounds down: round to the nearest integer (np.round).",
    ),
    half_up=dict(
        ja="ちょうど .5 の値を 0 から遠い方に丸めています。この問題は np.round と同じ「偶数への丸め」"
        "（2.5 → 2、3.5 → 4、-2.5 → -2）です。",
        en="exact halves are rounded away from 0: this problem rounds half to even like np.round "
        "(2.5 → 2, 3.5 → 4, -2.5 → -2).",
    ),
)
NOT_INT8 = Variant(
    "not_int8",
    lambda c: {"is_int8": False},
    ja="q の値は合っていますが、dtype が np.int8 ではありません: .astype(np.int8)。",
    en="q has the right values but its dtype is not np.int8: use .astype(np.int8).",
)


def _auto_variants():
    return (
        Variant(
            "scale_128",
            lambda c: _auto_expected(c, div=128.0),
            ja="scale を max|x| / 128 にしています。対称な範囲 [-127, 127] を使うので max|x| / 127 です。",
            en="the scale is max|x| / 128: the symmetric range is [-127, 127], so scale = max|x| / 127.",
        ),
        Variant(
            "max_not_abs",
            lambda c: _auto_expected(c, absmax=False),
            ja="max(x) を使っています。負の値の方が絶対値が大きいこともあるので max|x| = np.max(np.abs(x)) です。",
            en="the scale uses max(x): a negative value may have the largest magnitude, so use "
            "max|x| = np.max(np.abs(x)).",
        ),
        *(Variant(k, lambda c, k=k: _auto_expected(c, rounding=k), **v) for k, v in ROUNDING.items()),
        NOT_INT8,
    )


def _given_variants():
    return (
        *(Variant(k, lambda c, k=k: _given_expected(c, rounding=k), **v) for k, v in ROUNDING.items()),
        Variant(
            "no_clip",
            lambda c: _given_expected(c, lo=None),
            ja="[-127, 127] への clip がありません。与えられた scale では x / scale が範囲を超えます。int8 の範囲外の"
            " float を astype(np.int8) で変換した結果は決まっておらず（NumPy は invalid value encountered in cast と"
            "警告し、値は環境によって変わります）、ここでは ±127 になるはずの値が別の値になっています。"
            "int8 にする前に np.clip(q, -127, 127) をかけてください。",
            en="the clip to [-127, 127] is missing: with a given scale x / scale can leave the range, and what "
            "astype(np.int8) makes of an out-of-range float is not defined (NumPy warns 'invalid value encountered "
            "in cast'; the value depends on the platform), so values that should be ±127 came out as others. "
            "Apply np.clip(q, -127, 127) before converting to int8.",
        ),
        Variant(
            "clip_after_cast",
            lambda c: _given_expected(c, clip_after_cast=True),
            ja="clip が int8 への変換のあとにあります。範囲外の float を astype(np.int8) にした時点で値は壊れている"
            "（結果が決まっていない）ので、あとから clip しても ±127 には戻りません。round → clip → astype(np.int8) の順です。",
            en="the clip comes after the int8 conversion: an out-of-range float is already broken by astype(np.int8) "
            "(its result is not defined), and clipping afterwards does not bring it back to ±127. The order is "
            "round → clip → astype(np.int8).",
        ),
        Variant(
            "clip_128",
            lambda c: _given_expected(c, lo=-128),
            ja="[-128, 127] に clip しています。対称量子化では -128 を使わず [-127, 127] です。",
            en="the clip range is [-128, 127]: symmetric quantisation leaves -128 unused, [-127, 127].",
        ),
        NOT_INT8,
    )


def _deq_inputs(rng) -> list[dict]:
    return [
        {"q": rng.integers(-127, 128, size=s).astype(np.int8), "scale": float(rng.uniform(0.005, 0.05))} for s in SHAPES
    ]


def _deq_run(learner, c) -> dict:
    return {"x_hat": learner.dequantize(c["q"], c["scale"])}


DEQ_VARIANTS = (
    Variant(
        "divide",
        lambda c: {"x_hat": c["q"].astype(np.float64) / c["scale"]},
        ja="scale で割っています。量子化で x / scale としたので、戻すときは q * scale です。",
        en="you divided by the scale: quantisation computed x / scale, so dequantisation is q * scale.",
    ),
)

CHECKS = {
    "auto_scale": Cases(inputs=_auto_inputs, run=_run, expected=_auto_expected, variants=_auto_variants()),
    "given_scale": Cases(inputs=_given_inputs, run=_run, expected=_given_expected, variants=_given_variants()),
    "dequantize": Cases(
        inputs=_deq_inputs,
        run=_deq_run,
        expected=lambda c: {"x_hat": c["q"].astype(np.float64) * c["scale"]},
        variants=DEQ_VARIANTS,
    ),
}
