"""Hidden tests for `multilabel_bce`: a sigmoid with binary cross entropy over (N, K) multi-label targets.

L = −(1/(N·K)) Σ [t log σ(x) + (1 − t) log(1 − σ(x))], dx = dout (σ(x) − t)/(N·K). Every case has rows with
several labels on and a row with none, so a softmax over the K classes (which needs one label per row)
and a mean over N only both show. The last value case has scores of ±1000 and ±40: a naive log(σ(x)) gives
inf or NaN there, and log(σ + 1e-7) misses the loss by hundreds. The gradchecks use moderate scores.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from
from grader.hidden._reuse import snapshot as _snapshot

SHAPES = ((4, 3), (6, 5), (3, 7))
DOUTS = (1.0, 2.5, 0.4)  # the first case calls backward() with no argument


def _labels(rng, shape):
    t = (rng.uniform(size=shape) < 0.45).astype(float)
    t[0, :] = 0.0  # no label on
    t[1, :2] = 1.0  # at least two labels on
    return t


def _case(rng, shape, dout):
    return {"x": rng.normal(scale=3.0, size=shape), "t": _labels(rng, shape), "dout": dout}


def _inputs(rng) -> list[dict]:
    return [_case(rng, s, d) for s, d in zip(SHAPES, DOUTS)]


def _value_inputs(rng) -> list[dict]:
    """As _inputs, with scores of ±1000 and ±40 in the last case."""
    cases = _inputs(rng)
    cases[-1]["x"][-1, :4] = (1000.0, -1000.0, 40.0, -40.0)
    return cases


def _sig_inputs(rng) -> list[dict]:
    return [{"x": rng.normal(scale=4.0, size=s)} for s in SHAPES[:2]] + [
        {"x": np.array([[-1000.0, -40.0, -0.5, 0.0], [0.7, 3.0, 40.0, 1000.0], [-8.0, 8.0, -20.0, 20.0]])}
    ]


def _call_backward(layer, dout):
    return layer.backward() if dout == 1.0 else layer.backward(dout)


# ---- reference ----------------------------------------------------------------------------------
def _sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _bce_elements(x, t):
    return np.maximum(x, 0.0) - x * t + np.log1p(np.exp(-np.abs(x)))


def _loss(x, t):
    return float(np.sum(_bce_elements(x, t)) / x.size)


def _softmax(x):
    z = x - x.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _log_softmax(x):
    z = x - x.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def _sig_expected(c) -> dict:
    return {"y": _sigmoid(c["x"])}


def _forward_expected(c) -> dict:
    return {"loss": _loss(c["x"], c["t"]), "self.y": _sigmoid(c["x"])}


def _backward_expected(c) -> dict:
    return {"dx": c["dout"] * (_sigmoid(c["x"]) - c["t"]) / c["x"].size}


# ---- the learner's side -------------------------------------------------------------------------
def _run_sigmoid(learner, c) -> dict:
    return {"y": learner.sigmoid(c["x"])}


def _run_forward(learner, c) -> dict:
    layer = learner.SigmoidBCELoss()
    loss = layer.forward(c["x"], c["t"])
    return {"loss": loss, "self.y": _snapshot(getattr(layer, "y", None))}


def _run_backward(learner, c) -> dict:
    layer = learner.SigmoidBCELoss()
    layer.forward(c["x"], c["t"])
    return {"dx": _call_backward(layer, c["dout"])}


# ---- known mistakes -----------------------------------------------------------------------------
N_ONLY_JA = (
    "サンプル数 N だけで割っています。この問題の L は N·K 個すべての要素の平均です（PyTorch の "
    "nn.BCEWithLogitsLoss の既定 reduction='mean' と同じ）: x.size で割ります。"
)
N_ONLY_EN = (
    "this divides by the number of samples N only: L here is the mean over all N·K elements (as the default "
    "reduction='mean' of PyTorch's nn.BCEWithLogitsLoss): divide by x.size."
)
SOFTMAX_JA = (
    "K クラスにソフトマックスをかけています。ソフトマックスは確率の和を 1 にするので「1 サンプルに正解は 1 つ」の"
    "多クラス分類用です。マルチラベル分類ではクラスごとに独立なシグモイドと二値交差エントロピーを使います。"
)
SOFTMAX_EN = (
    "this applies a softmax over the K classes. A softmax makes the probabilities sum to 1, which suits multi-class "
    "classification with one right class per sample; multi-label classification uses an independent sigmoid and "
    "binary cross entropy per class."
)

SIGMOID_VARIANTS = (
    Variant(
        "minus",
        lambda c: {"y": _sigmoid(-c["x"])},
        ja="σ(−x) になっています。σ(x) = 1 / (1 + exp(−x)) です。",
        en="this is σ(−x): σ(x) = 1 / (1 + exp(−x)).",
    ),
)

FORWARD_VARIANTS = (
    Variant("mean_over_n", lambda c: {"loss": _loss(c["x"], c["t"]) * c["x"].shape[1]}, ja=N_ONLY_JA, en=N_ONLY_EN),
    Variant(
        "sum",
        lambda c: {"loss": _loss(c["x"], c["t"]) * c["x"].size},
        ja="和のままです。N·K 個の要素で割って平均します。",
        en="this is the sum: divide by the N·K elements for the mean.",
    ),
    Variant(
        "softmax",
        lambda c: {"loss": float(-np.sum(c["t"] * _log_softmax(c["x"])) / c["x"].size)},
        ja=SOFTMAX_JA,
        en=SOFTMAX_EN,
    ),
    Variant(
        "softmax_over_n",
        lambda c: {"loss": float(-np.sum(c["t"] * _log_softmax(c["x"])) / c["x"].shape[0])},
        ja=SOFTMAX_JA,
        en=SOFTMAX_EN,
    ),
    Variant(
        "eps_in_log",
        lambda c: {
            "loss": float(
                -np.sum(
                    c["t"] * np.log(_sigmoid(c["x"]) + 1e-7) + (1.0 - c["t"]) * np.log(1.0 - _sigmoid(c["x"]) + 1e-7)
                )
                / c["x"].size
            )
        },
        ja="log(σ(x) + 1e-7) の形で計算しています。スコアが大きいと σ(x) が 0 や 1 に丸まり、log が −16.1 で止まって"
        "損失が何百もずれます。max(x, 0) − x·t + log(1 + exp(−|x|)) の形で計算します。",
        en="this computes log(σ(x) + 1e-7): for large scores σ(x) rounds to 0 or 1, the log stops at −16.1, and the loss "
        "is off by hundreds. Compute max(x, 0) − x·t + log(1 + exp(−|x|)) instead.",
    ),
    Variant(
        "labels_swapped",
        lambda c: {"loss": _loss(c["x"], 1.0 - c["t"])},
        ja="t と 1 − t が入れ替わっています。ラベル 1 の要素に −log σ(x)、ラベル 0 の要素に −log(1 − σ(x)) を使います。",
        en="t and 1 − t are swapped: an element with label 1 takes −log σ(x), one with label 0 takes −log(1 − σ(x)).",
    ),
)

BACKWARD_VARIANTS = (
    Variant(
        "mean_over_n",
        lambda c: {"dx": c["dout"] * (_sigmoid(c["x"]) - c["t"]) / c["x"].shape[0]},
        ja=N_ONLY_JA,
        en=N_ONLY_EN,
    ),
    Variant(
        "softmax",
        lambda c: {"dx": c["dout"] * (_softmax(c["x"]) - c["t"]) / c["x"].size},
        ja=SOFTMAX_JA,
        en=SOFTMAX_EN,
    ),
    Variant(
        "sign",
        lambda c: {"dx": c["dout"] * (c["t"] - _sigmoid(c["x"])) / c["x"].size},
        ja="符号が逆です: ∂L/∂x = (σ(x) − t)/(N·K) です。",
        en="the sign is flipped: ∂L/∂x = (σ(x) − t)/(N·K).",
    ),
    Variant(
        "no_dout",
        lambda c: {"dx": (_sigmoid(c["x"]) - c["t"]) / c["x"].size},
        ja="dout を掛けていません。backward(dout) は dout · ∂L/∂x を返します（既定値 dout = 1.0）。",
        en="dout is not applied: backward(dout) returns dout · ∂L/∂x (the default is dout = 1.0).",
    ),
    Variant(
        "extra_sigmoid_derivative",
        lambda c: {
            "dx": c["dout"] * (_sigmoid(c["x"]) - c["t"]) * _sigmoid(c["x"]) * (1.0 - _sigmoid(c["x"])) / c["x"].size
        },
        ja="σ(x)(1 − σ(x)) を余分に掛けています。交差エントロピーの微分とシグモイドの微分を合わせると打ち消し合い、"
        "∂L/∂x = (σ(x) − t)/(N·K) だけが残ります。",
        en="σ(x)(1 − σ(x)) is multiplied in once too often: the cross entropy's and the sigmoid's derivatives cancel, "
        "leaving ∂L/∂x = (σ(x) − t)/(N·K).",
    ),
)


# ---- one object, three calls (as in training) ---------------------------------------------------
REUSE_SHAPES = (((4, 3), (4, 3), (7, 3)), ((2, 5), (2, 5), (4, 5)), ((3, 6), (3, 6), (5, 6)))


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for shapes in REUSE_SHAPES:
        case: dict = {}
        for k, shape in zip(CALLS, shapes):
            case[f"x{k}"] = rng.normal(scale=3.0, size=shape)
            case[f"t{k}"] = _labels(rng, shape)
        cases.append(case)
    return cases


def _reuse_run(learner, c) -> dict:
    layer = learner.SigmoidBCELoss()
    result = {}
    for k in CALLS:
        result[f"loss{k}"] = layer.forward(c[f"x{k}"], c[f"t{k}"])
        result[f"dx{k}"] = _snapshot(layer.backward())
    return result


def _reuse_expected(c, stale=False) -> dict:
    result = {}
    for k, j in zip(CALLS, _kept_from(c)):
        i = j if stale else k
        result[f"loss{k}"] = _loss(c[f"x{k}"], c[f"t{k}"])
        result[f"dx{k}"] = (_sigmoid(c[f"x{i}"]) - c[f"t{i}"]) / c[f"x{k}"].size
    return result


REUSE_VARIANTS = (
    Variant(
        "stale_state",
        lambda c: _reuse_expected(c, stale=True),
        ja="backward が前の forward の self.y や self.t を使っています（最初に保存したものを、形が同じあいだ上書きしていない）。"
        "forward は呼ぶたびに self.y と self.t を上書きします。",
        en="backward uses the self.y or self.t of an earlier forward (what was saved first is not overwritten while the "
        "shape stays the same): every forward overwrites self.y and self.t.",
    ),
)

CHECKS = {
    "sigmoid": Cases(inputs=_sig_inputs, run=_run_sigmoid, expected=_sig_expected, variants=SIGMOID_VARIANTS),
    "forward": Cases(inputs=_value_inputs, run=_run_forward, expected=_forward_expected, variants=FORWARD_VARIANTS),
    "backward": Cases(inputs=_value_inputs, run=_run_backward, expected=_backward_expected, variants=BACKWARD_VARIANTS),
    "gradcheck": GradCheck(
        inputs=_inputs,
        run=_run_backward,
        loss=lambda c: c["dout"] * _loss(c["x"], c["t"]),
        wrt={"dx": "x"},
    ),
    "reuse": Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected, variants=REUSE_VARIANTS),
}
