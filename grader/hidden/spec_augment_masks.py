"""Hidden tests for `spec_augment_masks`: SpecAugment's frequency and time masks on a batch of spectrograms.

out[n] is x[n] with channels f0[n, i] .. f0[n, i] + f[n, i] − 1 and frames t0[n, j] .. t0[n, j] + t[n, j] − 1 set to
the mean of the original x[n]. Each utterance has its own offset, so its mean is neither 0 nor the batch's mean;
some masks have width 0 and the first mask of every utterance ends before the last channel or frame; F ≠ T. So
swapped axes, an inclusive end, a fill of 0, the batch mean, and a mean recomputed after earlier masks each give
other values. The input must be left unchanged.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

# (N, F, T, m_F, m_T)
SHAPES = ((3, 16, 20, 2, 1), (2, 10, 25, 1, 3), (4, 12, 18, 3, 2))


def _bands(rng, N: int, size: int, m: int, widest: int) -> tuple[np.ndarray, np.ndarray]:
    width = rng.integers(0, widest + 1, size=(N, m))
    width[:, 0] = rng.integers(2, widest + 1, size=N)  # the first band of each utterance is never empty
    if m > 1:
        width[0, 1] = 0  # an empty band: the mask's length was drawn as 0
    start = np.array([[rng.integers(0, size - width[n, i] + 1) for i in range(m)] for n in range(N)])
    start[:, 0] = np.minimum(start[:, 0], size - width[:, 0] - 1)  # room after the first band
    return start, width


def _inputs(rng) -> list[dict]:
    cases = []
    for N, F, T, mF, mT in SHAPES:
        x = rng.normal(size=(N, F, T)) + rng.uniform(-3.0, 3.0, size=(N, 1, 1))
        f0, f = _bands(rng, N, F, mF, F // 3)
        t0, t = _bands(rng, N, T, mT, T // 4)
        cases.append({"x": x, "f0": f0, "f": f, "t0": t0, "t": t})
    return cases


def _masked(c: dict, form: str = "right") -> np.ndarray:
    x = c["x"]
    out = x.copy()
    extra = 1 if form == "end_inclusive" else 0
    for n in range(x.shape[0]):
        fill = {"zero_fill": 0.0, "batch_mean": x.mean()}.get(form, x[n].mean())
        bands = [(2, a, b) for a, b in zip(c["f0"][n], c["f"][n])] + [(3, a, b) for a, b in zip(c["t0"][n], c["t"][n])]
        for axis, start, width in bands:
            if form == "axes_swapped":
                axis = 5 - axis
            if form == "running_mean":
                fill = out[n].mean()
            index = [n, slice(None), slice(None)]
            index[axis - 1] = slice(start, start + width + extra)
            out[tuple(index)] = fill
    return out


def _run(learner, case) -> dict:
    out = learner.spec_augment(case["x"], case["f0"], case["f"], case["t0"], case["t"])
    return {"out": out, "x_after": case["x"]}


def _variant(name: str, ja: str, en: str) -> Variant:
    return Variant(name, lambda c: {"out": _masked(c, name)}, ja=ja, en=en)


MASK_VARIANTS = (
    _variant(
        "axes_swapped",
        ja="周波数マスクと時間マスクの軸が逆です。x は (N, F, T) なので、周波数マスクは axis=1（チャンネル）の帯、時間マスクは axis=2（フレーム）の帯です。",
        en="the frequency and time masks use each other's axis: x is (N, F, T), so a frequency mask is a band along "
        "axis=1 (the channels) and a time mask a band along axis=2 (the frames).",
    ),
    _variant(
        "end_inclusive",
        ja="マスクが 1 本（1 フレーム）ずつ長すぎます。マスク i はチャンネル f0〜f0 + f − 1 で、スライスなら f0:f0 + f です。",
        en="each mask is one channel (or frame) too long: mask i covers channels f0 to f0 + f − 1, the slice f0:f0 + f.",
    ),
    _variant(
        "zero_fill",
        ja="0 で塗っています。SpecAugment の論文は正規化して平均 0 にしたスペクトログラムに 0 を入れましたが、それは平均で塗るのと同じ意味です。"
        "ここでは正規化していないので、元の x[n] の平均で塗ります。",
        en="the masks are filled with 0: the SpecAugment paper put 0 into spectrograms normalised to mean 0, which "
        "means filling with the mean; these are not normalised, so fill with the original x[n]'s mean.",
    ),
    _variant(
        "batch_mean",
        ja="ミニバッチ全体の平均で塗っています。塗る値は発話ごとで、その発話 x[n] の平均です。",
        en="the masks are filled with the whole batch's mean: the fill belongs to each utterance, the mean of its own x[n].",
    ),
    _variant(
        "running_mean",
        ja="マスクをかけるたびに、途中の out[n] から平均を取り直しています。平均はマスクをかける前の x[n] から 1 回だけ求めます。",
        en="the mean is recomputed from the partly masked out[n] before every mask: take it once, from x[n] before any "
        "masking.",
    ),
    Variant(
        "x_overwritten",
        lambda c: {"x_after": _masked(c)},
        ja="渡された x に直接マスクをかけています。x は呼び出し側の配列なので、x.copy() にかけて返します。",
        en="the masks are written into the x passed in: x belongs to the caller, so mask x.copy() and return it.",
    ),
)

CHECKS = {
    "masks": Cases(
        inputs=_inputs,
        run=_run,
        expected=lambda c: {"out": _masked(c), "x_after": c["x"]},
        variants=MASK_VARIANTS,
    ),
}
