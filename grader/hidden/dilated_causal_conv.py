"""Hidden tests for `dilated_causal_conv`: WaveNet's dilated causal convolution and its receptive field.

y[n, o, t] = Σ_c Σ_k w[o, c, k] · x[n, c, t − (K − 1 − k)·d], x = 0 before time 0 (left padding of
(K − 1)·d, the output as long as the input). C_in != C_out, N > 1, K in {2, 3}, d in {1, 2, 3, 4}, and T
longer than the padding, so that symmetric padding, a dilation left out, reversed taps and a look into
the future each give other values. "causal" changes x from a time t0 on and compares the outputs before
t0 (they must not move). "receptive" takes dilation lists whose wrong formulas all differ.
"""

from __future__ import annotations

import math

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

# (N, C_in, C_out, T, K, d)
SHAPES = ((2, 3, 2, 9, 2, 1), (3, 2, 4, 13, 3, 2), (2, 4, 3, 16, 2, 4), (2, 3, 5, 11, 3, 3))
# (K, dilations): WaveNet's 1, 2, …, 512 with K = 2 and 3, three such stacks, and small ones
STACKS = (
    (2, tuple(2**i for i in range(10))),
    (3, tuple(2**i for i in range(10))),
    (2, tuple(2**i for i in range(10)) * 3),
    (3, (1, 2, 4)),
    (4, (1, 3, 9)),
)


def _conv(x, w, d, *, taps="causal"):
    """The reference, and the known wrong forms: `same` (symmetric padding), `reversed` (tap k at t − k·d),
    `future` (tap k at t + k·d)."""
    N, C_in, T = x.shape
    K = w.shape[2]
    y = np.zeros((N, w.shape[0], T))
    for k in range(K):
        if taps == "causal":
            shift = (K - 1 - k) * d
        elif taps == "reversed":
            shift = k * d
        elif taps == "future":
            shift = -k * d
        else:  # same: centred, (K − 1)·d // 2 on each side
            shift = (K - 1) * d // 2 - k * d
        src = np.arange(T) - shift
        ok = (src >= 0) & (src < T)
        seg = np.zeros((N, C_in, T))
        seg[:, :, ok] = x[:, :, src[ok]]
        y += np.einsum("oc,nct->not", w[:, :, k], seg)
    return y


def _inputs(rng) -> list[dict]:
    return [
        {"x": rng.normal(size=(N, Ci, T)), "w": rng.normal(size=(Co, Ci, K)), "dilation": d}
        for N, Ci, Co, T, K, d in SHAPES
    ]


def _run_values(learner, case) -> dict:
    return {"y": learner.causal_conv1d(case["x"], case["w"], case["dilation"])}


def _causal_inputs(rng) -> list[dict]:
    cases = []
    for c in _inputs(rng):
        T = c["x"].shape[2]
        t0 = T // 2
        later = c["x"].copy()
        later[:, :, t0:] = rng.normal(size=later[:, :, t0:].shape) + 3.0  # only the future changes
        cases.append({**c, "x_later": later, "t0": t0})
    return cases


def _run_causal(learner, case) -> dict:
    t0 = case["t0"]
    now = np.asarray(learner.causal_conv1d(case["x"], case["w"], case["dilation"]), dtype=float)
    then = np.asarray(learner.causal_conv1d(case["x_later"], case["w"], case["dilation"]), dtype=float)
    if now.ndim != 3 or then.shape != now.shape:
        return {"moved": None}
    return {"moved": float(np.abs(now[:, :, :t0] - then[:, :, :t0]).max())}


def _moved(case, taps) -> float:
    t0 = case["t0"]
    a = _conv(case["x"], case["w"], case["dilation"], taps=taps)
    b = _conv(case["x_later"], case["w"], case["dilation"], taps=taps)
    return float(np.abs(a[:, :, :t0] - b[:, :, :t0]).max())


def _stack_inputs(rng) -> list[dict]:
    return [{"K": K, "dilations": list(ds)} for K, ds in STACKS]


def _run_receptive(learner, case) -> dict:
    return {"rf": learner.receptive_field(case["K"], list(case["dilations"]))}


def _rf(case, form="right") -> int:
    K, ds = case["K"], case["dilations"]
    if form == "sum_kd":
        return sum(K * d for d in ds)
    if form == "no_one":
        return sum((K - 1) * d for d in ds)
    if form == "no_dilation":
        return 1 + len(ds) * (K - 1)
    if form == "product":
        return math.prod((K - 1) * d + 1 for d in ds)
    return 1 + sum((K - 1) * d for d in ds)


SAME = {
    "ja": "出力が未来の入力を見ています（左右対称のパディング、'same' の畳み込み）。causal な畳み込みは左にだけ "
    "(K − 1)·dilation 個の 0 を足し、時刻 t の出力は t 以前の入力だけから作ります。",
    "en": "the output looks at future inputs (symmetric, 'same' padding): a causal convolution pads "
    "(K − 1)·dilation zeros on the left only, so the output at time t uses inputs up to t.",
}
FUTURE = {
    "ja": "タップが未来に向いています（x[t + k·dilation]）。タップ k が見るのは過去の x[t − (K − 1 − k)·dilation] です。",
    "en": "the taps point into the future (x[t + k·dilation]): tap k looks at the past input "
    "x[t − (K − 1 − k)·dilation].",
}

VALUE_VARIANTS = (
    Variant("same_padding", lambda c: {"y": _conv(c["x"], c["w"], c["dilation"], taps="same")}, **SAME),
    Variant(
        "dilation_ignored",
        lambda c: {"y": _conv(c["x"], c["w"], 1)},
        ja="dilation を使っていません（隣り合う時刻のタップ）。タップの間隔は dilation で、タップ k は "
        "x[t − (K − 1 − k)·dilation] を見ます。パディングも (K − 1)·dilation です。",
        en="the dilation is not used (taps at neighbouring times): taps are dilation apart, tap k looking at "
        "x[t − (K − 1 − k)·dilation], and the padding is (K − 1)·dilation.",
    ),
    Variant(
        "taps_reversed",
        lambda c: {"y": _conv(c["x"], c["w"], c["dilation"], taps="reversed")},
        ja="タップの順が逆です（w[:, :, k] を x[t − k·dilation] に掛けています）。この問題の約束では最後のタップ "
        "k = K − 1 が現在の x[t] に、k = 0 が最も古い x[t − (K − 1)·dilation] に掛かります（PyTorch の Conv1d と同じ）。",
        en="the taps are reversed (w[:, :, k] multiplies x[t − k·dilation]): here the last tap k = K − 1 "
        "meets the present x[t] and k = 0 the oldest x[t − (K − 1)·dilation], as in PyTorch's Conv1d.",
    ),
    Variant("future", lambda c: {"y": _conv(c["x"], c["w"], c["dilation"], taps="future")}, **FUTURE),
)

CAUSAL_VARIANTS = (
    Variant("same_padding", lambda c: {"moved": _moved(c, "same")}, **SAME),
    Variant("future", lambda c: {"moved": _moved(c, "future")}, **FUTURE),
)

RF_VARIANTS = (
    Variant(
        "sum_kd",
        lambda c: {"rf": _rf(c, "sum_kd")},
        ja="Σ K·dilation を返しています。1 層で広がるのは (K − 1)·dilation（タップの両端の間隔）で、"
        "受容野は 1 + Σ (K − 1)·dilation です。",
        en="this returns Σ K·dilation: one layer widens the field by (K − 1)·dilation (the span between its end "
        "taps), so the receptive field is 1 + Σ (K − 1)·dilation.",
    ),
    Variant(
        "no_one",
        lambda c: {"rf": _rf(c, "no_one")},
        ja="1 が足りません。層がなくても出力は現在の入力 1 サンプルを見るので、受容野は 1 + Σ (K − 1)·dilation です。",
        en="the 1 is missing: even with no layer an output sees the present sample, so the receptive field "
        "is 1 + Σ (K − 1)·dilation.",
    ),
    Variant(
        "no_dilation",
        lambda c: {"rf": _rf(c, "no_dilation")},
        ja="dilation を使っていません（1 + 層の数 × (K − 1)）。dilation d の層は受容野を (K − 1)·d 広げます。",
        en="the dilations are not used (1 + layers × (K − 1)): a layer of dilation d widens the field by (K − 1)·d.",
    ),
    Variant(
        "product",
        lambda c: {"rf": _rf(c, "product")},
        ja="層ごとの広さを掛け合わせています。重ねた層の受容野は足し算で広がります: 1 + Σ (K − 1)·dilation。",
        en="this multiplies the layers' widths: stacked layers widen the field additively, 1 + Σ (K − 1)·dilation.",
    ),
)

CHECKS = {
    "values": Cases(
        inputs=_inputs,
        run=_run_values,
        expected=lambda c: {"y": _conv(c["x"], c["w"], c["dilation"])},
        variants=VALUE_VARIANTS,
    ),
    "causal": Cases(
        inputs=_causal_inputs, run=_run_causal, expected=lambda c: {"moved": 0.0}, variants=CAUSAL_VARIANTS
    ),
    "receptive": Cases(
        inputs=_stack_inputs, run=_run_receptive, expected=lambda c: {"rf": _rf(c)}, variants=RF_VARIANTS
    ),
}
