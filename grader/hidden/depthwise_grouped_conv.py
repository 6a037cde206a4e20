"""Hidden tests for `depthwise_grouped_conv`: a grouped convolution with PyTorch's weight layout, and its
parameter count.

out[n, o, i, j] = Σ_c Σ_p Σ_q w[o, c, p, q] · x[n, g·cg + c, i + p, j + q] with g = o // (C_out // groups) and
cg = C_in // groups (cross-correlation, stride 1, no padding, as nn.Conv2d). The cases take groups = 1, an
intermediate groups, and depthwise (groups = C_in) with a channel multiplier of 1 and of 2; every case has
N ≥ 2, C_in ≠ C_out or KH ≠ KW, and more than one channel per group on some side, so that grouping the channels
in the interleaved order (channel c·groups + g), forgetting the group's offset, and a flipped kernel each give
other values.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

# (N, C_in, C_out, H, W, KH, KW, groups)
SHAPES = (
    (2, 4, 6, 5, 6, 3, 2, 1),
    (3, 6, 9, 6, 5, 2, 3, 3),
    (2, 4, 8, 5, 7, 3, 3, 4),
    (2, 6, 4, 7, 6, 3, 2, 2),
    (2, 3, 3, 6, 5, 3, 3, 3),
)
# (C_in, C_out, K, groups, bias)
LAYERS = (
    (64, 128, 3, 1, True),
    (64, 128, 3, 4, False),
    (32, 32, 3, 32, True),
    (96, 192, 5, 3, True),
    (48, 96, 1, 2, False),
)


def _sources(o: int, C_in: int, C_out: int, groups: int, form: str) -> list[int]:
    """The input channels output channel o sees, in the order of the weight's second axis."""
    cg, og = C_in // groups, C_out // groups
    if form == "interleaved":  # group g = o % groups holds channels g, g + groups, g + 2·groups, …
        return [c * groups + o % groups for c in range(cg)]
    if form == "no_offset":  # every output channel reads the first cg input channels
        return list(range(cg))
    g = o // og
    return list(range(g * cg, (g + 1) * cg))


def _conv(case: dict, form: str = "right") -> np.ndarray:
    x, w, groups = case["x"], case["w"], case["groups"]
    N, C_in, H, W = x.shape
    C_out, _, KH, KW = w.shape
    if form == "flipped":  # a true convolution: the kernel turned by 180°
        w = w[:, :, ::-1, ::-1]
    OH, OW = H - KH + 1, W - KW + 1
    out = np.zeros((N, C_out, OH, OW))
    for o in range(C_out):
        src = _sources(o, C_in, C_out, groups, "right" if form == "flipped" else form)
        for c, ch in enumerate(src):
            for p in range(KH):
                for q in range(KW):
                    out[:, o] += w[o, c, p, q] * x[:, ch, p : p + OH, q : q + OW]
    return out


def _inputs(rng) -> list[dict]:
    return [
        {"x": rng.normal(size=(N, Ci, H, W)), "w": rng.normal(size=(Co, Ci // g, KH, KW)), "groups": g}
        for N, Ci, Co, H, W, KH, KW, g in SHAPES
    ]


def _run_forward(learner, case) -> dict:
    return {"out": learner.grouped_conv2d(case["x"], case["w"], case["groups"])}


def _layers(rng) -> list[dict]:
    return [{"C_in": a, "C_out": b, "K": k, "groups": g, "bias": bias} for a, b, k, g, bias in LAYERS]


def _run_params(learner, case) -> dict:
    n = learner.conv_params(case["C_in"], case["C_out"], case["K"], case["groups"], case["bias"])
    return {"n": n, "whole": isinstance(n, (int, np.integer)) and not isinstance(n, bool)}


def _params(case: dict, form: str = "right") -> int:
    a, b, k, g = case["C_in"], case["C_out"], case["K"], case["groups"]
    weights = {"groups_ignored": a * b * k * k, "divided_twice": (a // g) * (b // g) * k * k}.get(
        form, a // g * b * k * k
    )
    return weights + (b if case["bias"] and form != "bias_missing" else 0)


FORWARD_VARIANTS = (
    Variant(
        "interleaved",
        lambda c: {"out": _conv(c, "interleaved")},
        ja="チャンネルを飛び飛びにグループ分けしています（グループ g にチャンネル g, g + groups, …）。PyTorch では連続した塊で、"
        "出力チャンネル o のグループは g = o // (C_out // groups)、見る入力チャンネルは g·(C_in // groups) から (g + 1)·(C_in // groups) − 1 です。",
        en="the channels are grouped in an interleaved order (group g holding channels g, g + groups, …): in PyTorch the "
        "groups are contiguous blocks, output channel o is in group g = o // (C_out // groups) and sees input channels "
        "g·(C_in // groups) to (g + 1)·(C_in // groups) − 1.",
    ),
    Variant(
        "no_offset",
        lambda c: {"out": _conv(c, "no_offset")},
        ja="どの出力チャンネルも先頭の C_in // groups 個の入力チャンネルを見ています（グループのずれを足し忘れ）。"
        "グループ g の出力は入力チャンネル g·(C_in // groups) からの塊を見ます。",
        en="every output channel reads the first C_in // groups input channels (the group's offset is missing): "
        "group g's outputs see the block of input channels starting at g·(C_in // groups).",
    ),
    Variant(
        "flipped",
        lambda c: {"out": _conv(c, "flipped")},
        ja="カーネルを 180° 回しています（数学の畳み込み）。CNN の畳み込み（PyTorch の Conv2d、1 巻の Convolution）は"
        "カーネルを回さない相互相関で、out[n, o, i, j] は w[o, c, p, q]·x[n, ·, i + p, j + q] の和です。",
        en="the kernel is turned by 180° (the mathematical convolution): a CNN's convolution (PyTorch's Conv2d, book 1's "
        "Convolution) is a cross-correlation without turning, out[n, o, i, j] summing w[o, c, p, q]·x[n, ·, i + p, j + q].",
    ),
)

PARAM_VARIANTS = (
    Variant(
        "groups_ignored",
        lambda c: {"n": _params(c, "groups_ignored")},
        ja="groups を無視しています。重みの形は (C_out, C_in // groups, K, K) なので、重みは通常の畳み込みの 1/groups です。",
        en="groups is ignored: the weight has the shape (C_out, C_in // groups, K, K), 1/groups of an ordinary "
        "convolution's weights.",
    ),
    Variant(
        "divided_twice",
        lambda c: {"n": _params(c, "divided_twice")},
        ja="groups の 2 乗で割っています。各グループは (C_in/g)·(C_out/g)·K² 個で、それが g 個あるので合計は C_in·C_out·K²/g です。",
        en="this divides by groups squared: each group has (C_in/g)·(C_out/g)·K² weights and there are g groups, "
        "C_in·C_out·K²/g in all.",
    ),
    Variant(
        "bias_missing",
        lambda c: {"n": _params(c, "bias_missing")},
        ja="bias=True のときのバイアス C_out 個が抜けています（バイアスは出力チャンネルごとに 1 個で、groups によりません）。",
        en="the C_out biases of bias=True are missing (one bias per output channel, whatever groups is).",
    ),
)

CHECKS = {
    "forward": Cases(inputs=_inputs, run=_run_forward, expected=lambda c: {"out": _conv(c)}, variants=FORWARD_VARIANTS),
    "params": Cases(
        inputs=_layers,
        run=_run_params,
        expected=lambda c: {"n": _params(c), "whole": True},
        variants=PARAM_VARIANTS,
    ),
}
