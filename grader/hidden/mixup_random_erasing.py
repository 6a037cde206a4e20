"""Hidden tests for `mixup_random_erasing`: MixUp of a mini-batch and Random Erasing with given random numbers.

mixup: x_mix = λx + (1 − λ)x[perm], t_mix = λt + (1 − λ)t[perm]. λ is never 1/2 and lies on both sides of it,
perm has no fixed point, and some label differs from its partner's, so unmixed labels, swapped weights and
the label of the larger weight each give other values. random_erasing: per sample n with apply[n], rows
top..top+h−1 and columns left..left+w−1 of every channel become value[n]. Sample 0 is erased with h ≠ w and
its box off the bottom and right edges, sample 1 is not erased, and C > 1 in two cases, so an inclusive end,
swapped height and width, channel 0 only, the apply flags ignored and sample 0's box for all show. Both
functions must leave x (and t) unchanged.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

# (N, C, H, W, K, λ)
MIX = ((4, 3, 5, 6, 3, 0.7), (5, 2, 4, 3, 4, 0.35), (3, 1, 6, 5, 5, 0.83))
# (N, C, H, W)
ERASE = ((4, 3, 6, 7), (3, 2, 8, 5), (5, 1, 5, 9))


def _derangement(rng, n: int) -> np.ndarray:
    while True:
        perm = rng.permutation(n)
        if np.all(perm != np.arange(n)):
            return perm


def _mix_inputs(rng) -> list[dict]:
    cases = []
    for N, C, H, W, K, lam in MIX:
        perm = _derangement(rng, N)
        labels = rng.integers(K, size=N)
        labels[perm[0]] = (labels[0] + 1) % K  # sample 0 and its partner have different labels
        cases.append({"x": rng.normal(size=(N, C, H, W)), "t": np.eye(K)[labels], "lam": lam, "perm": perm})
    return cases


def _mix(c: dict, form: str = "right") -> dict:
    x, t, lam, p = c["x"], c["t"], c["lam"], c["perm"]
    if form == "swapped":
        lam = 1 - lam
    x_mix = lam * x + (1 - lam) * x[p]
    t_mix = lam * t + (1 - lam) * t[p]
    if form == "not_mixed":
        t_mix = t
    if form == "hard":
        t_mix = t if c["lam"] >= 0.5 else t[p]
    return {"x_mix": x_mix, "t_mix": t_mix}


def _run_mix(learner, case) -> dict:
    x_mix, t_mix = learner.mixup(case["x"], case["t"], case["lam"], case["perm"])
    return {"x_mix": x_mix, "t_mix": t_mix, "x_after": case["x"], "t_after": case["t"]}


def _erase_inputs(rng) -> list[dict]:
    cases = []
    for N, C, H, W in ERASE:
        h = rng.integers(1, H, size=N)
        w = rng.integers(1, W, size=N)
        h[0], w[0] = 2, 3  # a box with h ≠ w that leaves room below and to the right
        top = np.array([rng.integers(0, H - h[n] + 1) for n in range(N)])
        left = np.array([rng.integers(0, W - w[n] + 1) for n in range(N)])
        top[0], left[0] = 1, 1
        apply = rng.random(N) < 0.6
        apply[0], apply[1] = True, False
        cases.append(
            {
                "x": rng.normal(size=(N, C, H, W)),
                "apply": apply,
                "top": top,
                "left": left,
                "h": h,
                "w": w,
                "value": rng.uniform(0.0, 1.0, size=N),
            }
        )
    return cases


def _erase(c: dict, form: str = "right") -> np.ndarray:
    out = c["x"].copy()
    for n in range(out.shape[0]):
        if not c["apply"][n] and form != "apply_ignored":
            continue
        b = 0 if form == "first_box" else n
        top, left, h, w = c["top"][b], c["left"][b], c["h"][b], c["w"][b]
        if form == "hw_swapped":
            h, w = w, h
        if form == "end_inclusive":
            h, w = h + 1, w + 1
        channels = slice(0, 1) if form == "first_channel" else slice(None)
        out[n, channels, top : top + h, left : left + w] = c["value"][n]
    return out


def _run_erase(learner, case) -> dict:
    out = learner.random_erasing(
        case["x"], case["apply"], case["top"], case["left"], case["h"], case["w"], case["value"]
    )
    return {"out": out, "x_after": case["x"]}


MIX_VARIANTS = (
    Variant(
        "not_mixed",
        lambda c: {"t_mix": c["t"]},
        ja="ラベルを混ぜていません。画像に x[perm] が (1 − λ) の割合で入っているので、ラベルも t_mix = λ·t + (1 − λ)·t[perm] と混ぜます。",
        en="the labels are not mixed: the image contains x[perm] with weight 1 − λ, so the labels are mixed too, "
        "t_mix = λ·t + (1 − λ)·t[perm].",
    ),
    Variant(
        "swapped",
        lambda c: _mix(c, "swapped"),
        ja="λ と 1 − λ が逆です。元の x（と t）に λ を、並べ替えた相手 x[perm]（と t[perm]）に 1 − λ を掛けます。",
        en="λ and 1 − λ are swapped: the original x (and t) gets λ, the permuted partner x[perm] (and t[perm]) gets 1 − λ.",
    ),
    Variant(
        "hard",
        lambda c: _mix(c, "hard"),
        ja="ラベルを重みの大きい方の one-hot にしています。MixUp のラベルは λ·t + (1 − λ)·t[perm] の柔らかいラベルです。",
        en="the label is the one-hot label of the larger weight: MixUp's label is the soft λ·t + (1 − λ)·t[perm].",
    ),
    Variant(
        "x_overwritten",
        lambda c: {"x_after": _mix(c)["x_mix"]},
        ja="渡された x を書き換えています（x[...] = … や x *= λ など）。x は呼び出し側の配列なので、新しい配列を作って返します。",
        en="the x passed in is overwritten (x[...] = … or x *= λ and the like): x belongs to the caller, so build and "
        "return a new array.",
    ),
)

ERASE_VARIANTS = (
    Variant(
        "end_inclusive",
        lambda c: {"out": _erase(c, "end_inclusive")},
        ja="長方形が 1 行 1 列ずつ大きすぎます。塗るのは行 top〜top + h − 1、列 left〜left + w − 1 で、スライスなら top:top + h です。",
        en="the rectangle is one row and one column too large: fill rows top to top + h − 1 and columns left to "
        "left + w − 1, the slice top:top + h.",
    ),
    Variant(
        "hw_swapped",
        lambda c: {"out": _erase(c, "hw_swapped")},
        ja="高さと幅が入れ替わっています。h は行（高さ、axis=2）、w は列（幅、axis=3）の大きさです。",
        en="the height and width are swapped: h counts rows (the height, axis=2) and w columns (the width, axis=3).",
    ),
    Variant(
        "first_channel",
        lambda c: {"out": _erase(c, "first_channel")},
        ja="チャンネル 0 だけを塗っています。Random Erasing は長方形をすべてのチャンネルで塗ります: out[n, :, …]。",
        en="only channel 0 is filled: Random Erasing fills the rectangle in every channel, out[n, :, …].",
    ),
    Variant(
        "apply_ignored",
        lambda c: {"out": _erase(c, "apply_ignored")},
        ja="apply を無視して全サンプルを塗っています。Random Erasing は確率 p でかけるので、apply[n] が False のサンプルはそのままです。",
        en="apply is ignored and every sample is filled: Random Erasing is applied with a probability p, so samples "
        "with apply[n] False stay as they are.",
    ),
    Variant(
        "first_box",
        lambda c: {"out": _erase(c, "first_box")},
        ja="すべてのサンプルにサンプル 0 の長方形を使っています。長方形はサンプルごとに top[n], left[n], h[n], w[n] です。",
        en="sample 0's rectangle is used for every sample: each sample has its own top[n], left[n], h[n], w[n].",
    ),
    Variant(
        "x_overwritten",
        lambda c: {"x_after": _erase(c)},
        ja="渡された x に直接塗っています。x は呼び出し側の配列なので、x.copy() に塗って返します。",
        en="the rectangle is painted into the x passed in: x belongs to the caller, so paint into x.copy() and return it.",
    ),
)

CHECKS = {
    "mixup": Cases(
        inputs=_mix_inputs,
        run=_run_mix,
        expected=lambda c: {**_mix(c), "x_after": c["x"], "t_after": c["t"]},
        variants=MIX_VARIANTS,
    ),
    "erasing": Cases(
        inputs=_erase_inputs,
        run=_run_erase,
        expected=lambda c: {"out": _erase(c), "x_after": c["x"]},
        variants=ERASE_VARIANTS,
    ),
}
