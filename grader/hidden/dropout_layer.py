"""Hidden tests for `dropout_layer` (book 1 Dropout(dropout_ratio=0.5)).

Book 1's dropout is not inverted: training multiplies by mask = np.random.rand(*x.shape) > ratio,
test mode multiplies by (1 - ratio). The learner's run seeds numpy's global generator with
np.random.seed(case['_seed']) just before forward; the expected mask comes from
np.random.RandomState(seed).rand(*shape), the same stream. backward must reuse forward's mask.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

SPECS = (((4, 5), 0.5, 11), ((3, 2, 6), 0.3, 12), ((6, 3), 0.2, 13))


def _inputs(rng) -> list[dict]:
    return [
        {"x": rng.normal(size=shape), "dropout_ratio": ratio, "_seed": seed, "dout": rng.normal(size=shape)}
        for shape, ratio, seed in SPECS
    ]


def _masks(case, count=1):
    rs = np.random.RandomState(case["_seed"])
    return [rs.rand(*case["x"].shape) > case["dropout_ratio"] for _ in range(count)]


def _train_expected(case) -> dict:
    return {"out": case["x"] * _masks(case)[0]}


def _test_expected(case) -> dict:
    return {"out": case["x"] * (1.0 - case["dropout_ratio"])}


def _expected(case) -> dict:
    mask = _masks(case)[0]
    return {"out": case["x"] * mask, "dx": case["dout"] * mask}


def _seeded_layer(learner, case):
    layer = learner.Dropout(dropout_ratio=case["dropout_ratio"])
    np.random.seed(case["_seed"])
    return layer


def _train_run(learner, case) -> dict:
    layer = _seeded_layer(learner, case)
    return {"out": layer.forward(case["x"], train_flg=True)}


def _test_run(learner, case) -> dict:
    layer = learner.Dropout(dropout_ratio=case["dropout_ratio"])
    return {"out": layer.forward(case["x"], train_flg=False)}


def _run(learner, case) -> dict:
    layer = _seeded_layer(learner, case)
    out = layer.forward(case["x"], train_flg=True)
    return {"out": out, "dx": layer.backward(case["dout"])}


def _grad_run(learner, case) -> dict:
    return {"dx": _run(learner, case)["dx"]}


def _loss(case) -> float:
    return float(np.sum(case["x"] * _masks(case)[0] * case["dout"]))


INVERTED = dict(
    ja="学習時に残したユニットを 1 / (1 − dropout_ratio) 倍しています（inverted dropout）。本書の Dropout は学習時は"
    "マスクを掛けるだけで、代わりにテスト時に (1 − dropout_ratio) を掛けます。",
    en="kept units are scaled by 1 / (1 − dropout_ratio) in training (inverted dropout). Book 1's Dropout only "
    "applies the mask in training, and multiplies by (1 − dropout_ratio) at test time instead.",
)
MASK_INVERTED = dict(
    ja="マスクの向きが逆です。rand > dropout_ratio が True のユニットを残します（ratio の割合のユニットが消える）。",
    en="the mask is the wrong way round: keep the units where rand > dropout_ratio (a fraction ratio of "
    "the units is dropped).",
)


def _inv(case, key):
    return case[key] * _masks(case)[0] / (1.0 - case["dropout_ratio"])


TRAIN_VARIANTS = (
    Variant("inverted", lambda c: {"out": _inv(c, "x")}, **INVERTED),
    Variant("mask_inverted", lambda c: {"out": c["x"] * ~_masks(c)[0]}, **MASK_INVERTED),
)

TEST_VARIANTS = (
    Variant(
        "test_identity",
        lambda c: {"out": c["x"]},
        ja="テスト時に x をそのまま返しています。本書の Dropout は学習時に拡大しないので、テスト時に "
        "x * (1.0 − dropout_ratio) として出力の期待値を学習時とそろえます。",
        en="test mode returns x unchanged. Book 1's Dropout does not scale up in training, so at test time it "
        "returns x * (1.0 − dropout_ratio) to match the training output's expected value.",
    ),
    Variant(
        "test_ratio",
        lambda c: {"out": c["x"] * c["dropout_ratio"]},
        ja="テスト時に dropout_ratio を掛けています。掛けるのは残る割合 (1.0 − dropout_ratio) です。",
        en="test mode multiplies by dropout_ratio; it should multiply by the kept fraction, (1.0 − dropout_ratio).",
    ),
    Variant("test_inverted", lambda c: {"out": c["x"] / (1.0 - c["dropout_ratio"])}, **INVERTED),
)

VARIANTS = TRAIN_VARIANTS + (
    Variant(
        "new_mask",
        lambda c: {"dx": c["dout"] * _masks(c, 2)[1]},
        ja="backward で新しいマスクを作っています。forward で self.mask に保存したマスクをそのまま使います"
        "（forward で消したユニットには勾配も流れません）。",
        en="backward draws a new mask: reuse the mask saved in self.mask by forward (the units dropped in "
        "forward get no gradient).",
    ),
    Variant(
        "pass_through",
        lambda c: {"dx": c["dout"]},
        ja="dout をそのまま返しています。forward で消したユニット（mask が False）の勾配は 0 です: dout * self.mask。",
        en="dout is passed through unchanged: the units dropped in forward (mask False) get gradient 0: "
        "dout * self.mask.",
    ),
    Variant("backward_inverted", lambda c: {"dx": _inv(c, "dout")}, **INVERTED),
)

CHECKS = {
    "forward_train": Cases(inputs=_inputs, run=_train_run, expected=_train_expected, variants=TRAIN_VARIANTS),
    "forward_test": Cases(inputs=_inputs, run=_test_run, expected=_test_expected, variants=TEST_VARIANTS),
    "backward": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS),
    "gradcheck": GradCheck(inputs=_inputs, run=_grad_run, loss=_loss, wrt={"dx": "x"}),
}
