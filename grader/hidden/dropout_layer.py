"""Hidden tests for `dropout_layer`: book 1's Dropout and the inverted InvertedDropout.

Book 1's dropout is not inverted: training multiplies by mask = np.random.rand(*x.shape) > ratio,
test mode multiplies by (1 - ratio). The learner's run seeds numpy's global generator with
np.random.seed(case['_seed']) just before forward; the expected mask comes from
np.random.RandomState(seed).rand(*shape), the same stream. backward must reuse forward's mask.

InvertedDropout (torch.nn.Dropout's form) keeps the same mask rule but multiplies the kept units by
1 / (1 - ratio) in training and is the identity in test mode. Its checks reuse one object over three
training calls (shapes A, A, B: a mask drawn once and kept while the shape matches shows), seeded
once before the first call, so call k's mask is the k-th draw of the same stream.
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


def _seeded_layer(learner, case, name="Dropout"):
    """The learner's `name` class (Dropout, InvertedDropout) made for `case`, numpy seeded for its masks."""
    layer = getattr(learner, name)(dropout_ratio=case["dropout_ratio"])
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


# ---- InvertedDropout -------------------------------------------------------------------------
# (shapes of the three training calls on one object, ratio, seed): the first two shapes are equal.
INVERTED_SPECS = (
    (((4, 5), (4, 5), (6, 5)), 0.5, 21),
    (((3, 2, 6), (3, 2, 6), (5, 2, 6)), 0.3, 22),
    (((6, 3), (6, 3), (2, 3)), 0.2, 23),
)
CALLS = (1, 2, 3)


def _inverted_inputs(rng) -> list[dict]:
    cases = []
    for shapes, ratio, seed in INVERTED_SPECS:
        case: dict = {"dropout_ratio": ratio, "_seed": seed}
        for k, shape in zip(CALLS, shapes):
            case[f"x{k}"] = rng.normal(size=shape)
            case[f"dout{k}"] = rng.normal(size=shape)
        cases.append(case)
    return cases


def _draws(case, reuse=False, flip=False):
    """The masks of the three training calls: successive draws of one seeded stream; with
    `reuse`, a mask drawn once and kept while the shape stays the same."""
    rs = np.random.RandomState(case["_seed"])
    masks: list = []
    for k in CALLS:
        shape = case[f"x{k}"].shape
        if reuse and masks and masks[-1].shape == shape:
            masks.append(masks[-1])
            continue
        draw = rs.rand(*shape)
        masks.append(draw < case["dropout_ratio"] if flip else draw > case["dropout_ratio"])
    return masks


OUTPUT = {"x": "out", "dout": "dx"}  # call k's input key -> its output's name (out1, dx1, ...)


def _scaled(case, key, scale=True, **kw) -> dict:
    factor = 1.0 / (1.0 - case["dropout_ratio"]) if scale else 1.0
    return {f"{OUTPUT[key]}{k}": case[f"{key}{k}"] * m * factor for k, m in zip(CALLS, _draws(case, **kw))}


def _inverted_train_run(learner, case) -> dict:
    layer = _seeded_layer(learner, case, "InvertedDropout")
    return {f"out{k}": layer.forward(case[f"x{k}"], train_flg=True) for k in CALLS}


def _inverted_backward_run(learner, case) -> dict:
    layer = _seeded_layer(learner, case, "InvertedDropout")
    grads = {}
    for k in CALLS:
        layer.forward(case[f"x{k}"], train_flg=True)
        grads[f"dx{k}"] = layer.backward(case[f"dout{k}"])
    return grads


def _inverted_test_run(learner, case) -> dict:
    layer = _seeded_layer(learner, case, "InvertedDropout")
    layer.forward(case["x1"], train_flg=True)
    return {"out": layer.forward(case["x3"], train_flg=False)}


def _second_draw(case):
    rs = np.random.RandomState(case["_seed"])
    rs.rand(*case["x1"].shape)
    return rs.rand(*case["x3"].shape) > case["dropout_ratio"]


UNSCALED = dict(
    ja="学習時に残したユニットを 1 / (1 − dropout_ratio) 倍していません（それは 1 巻の Dropout です）。InvertedDropout は"
    "学習時に x * mask / (1 − dropout_ratio) を返し、出力の期待値を x にそろえます。",
    en="kept units are not scaled by 1 / (1 − dropout_ratio) in training (that is book 1's Dropout). InvertedDropout "
    "returns x * mask / (1 − dropout_ratio) in training, so the expected output equals x.",
)
REUSED = dict(
    ja="マスクを 1 回だけ作って次の呼び出しでも使い回しています。学習時の forward は呼ぶたびに "
    "np.random.rand(*x.shape) で新しいマスクを作ります（形が同じでも作り直します）。",
    en="the mask is drawn once and reused by later calls: every training forward draws a new mask with "
    "np.random.rand(*x.shape), even when the shape is the same as last time.",
)
TEST_SCALED = dict(
    ja="テスト時に (1 − dropout_ratio) を掛けています（1 巻の Dropout の方式）。InvertedDropout は学習時に拡大済みなので、"
    "テスト時は x をそのまま返します（恒等写像）。",
    en="test mode multiplies by (1 − dropout_ratio), as book 1's Dropout does. InvertedDropout has already scaled in "
    "training, so test mode returns x unchanged (the identity).",
)
TEST_DIVIDED = dict(
    ja="テスト時にも 1 / (1 − dropout_ratio) 倍しています。拡大するのは学習時だけで、テスト時は x をそのまま返します。",
    en="test mode scales by 1 / (1 − dropout_ratio) too: the scaling belongs to training only; test mode returns x "
    "unchanged.",
)

INVERTED_TRAIN_VARIANTS = (
    Variant("inv_unscaled", lambda c: _scaled(c, "x", scale=False), **UNSCALED),
    Variant("inv_reused", lambda c: _scaled(c, "x", reuse=True), **REUSED),
    Variant("inv_mask_inverted", lambda c: _scaled(c, "x", flip=True), **MASK_INVERTED),
)

INVERTED_BACKWARD_VARIANTS = (
    Variant(
        "inv_backward_unscaled",
        lambda c: _scaled(c, "dout", scale=False),
        ja="backward で 1 / (1 − dropout_ratio) 倍を忘れています。forward が x * mask / (1 − p) なので、"
        "backward も dout * mask / (1 − p) です。",
        en="backward forgets the factor 1 / (1 − dropout_ratio): forward is x * mask / (1 − p), so backward is "
        "dout * mask / (1 − p) as well.",
    ),
    Variant("inv_backward_reused", lambda c: _scaled(c, "dout", reuse=True), **REUSED),
)

INVERTED_TEST_VARIANTS = (
    Variant("inv_test_scaled", lambda c: {"out": c["x3"] * (1.0 - c["dropout_ratio"])}, **TEST_SCALED),
    Variant("inv_test_divided", lambda c: {"out": c["x3"] / (1.0 - c["dropout_ratio"])}, **TEST_DIVIDED),
    Variant(
        "inv_test_masked",
        lambda c: {"out": c["x3"] * _second_draw(c) / (1.0 - c["dropout_ratio"])},
        ja="テスト時にもユニットを消しています。train_flg=False ではすべてのユニットを使い、x をそのまま返します。",
        en="test mode still drops units: with train_flg=False every unit is used and x is returned unchanged.",
    ),
)


# Expectation: a large positive x, so the mean over all units is close to its expected value
# whatever random draw the learner makes (rtol 2e-2 is over 5 standard deviations here).
def _expectation_inputs(rng) -> list[dict]:
    return [
        {"x": rng.uniform(0.5, 1.5, size=(400, 250)), "dropout_ratio": ratio, "_seed": seed}
        for ratio, seed in ((0.5, 31), (0.2, 32))
    ]


def _expectation_run(learner, case) -> dict:
    layer = _seeded_layer(learner, case, "InvertedDropout")
    train = layer.forward(case["x"], train_flg=True)
    test = layer.forward(case["x"], train_flg=False)
    return {"train_mean": float(np.mean(train)), "test_mean": float(np.mean(test))}


def _means(case, train=1.0, test=1.0) -> dict:
    mean = float(np.mean(case["x"]))
    return {"train_mean": mean * train, "test_mean": mean * test}


EXPECTATION_VARIANTS = (
    Variant("exp_unscaled", lambda c: _means(c, train=1.0 - c["dropout_ratio"]), **UNSCALED),
    Variant("exp_test_scaled", lambda c: _means(c, test=1.0 - c["dropout_ratio"]), **TEST_SCALED),
    Variant("exp_test_divided", lambda c: _means(c, test=1.0 / (1.0 - c["dropout_ratio"])), **TEST_DIVIDED),
)


def _inverted_grad_inputs(rng) -> list[dict]:
    return [
        {"x": rng.normal(size=shape), "dropout_ratio": ratio, "_seed": seed, "dout": rng.normal(size=shape)}
        for shape, ratio, seed in (((5, 4), 0.5, 41), ((2, 3, 4), 0.3, 42), ((6, 2), 0.2, 43))
    ]


def _inverted_grad_run(learner, case) -> dict:
    layer = _seeded_layer(learner, case, "InvertedDropout")
    layer.forward(case["x"], train_flg=True)
    return {"dx": layer.backward(case["dout"])}


def _inverted_loss(case) -> float:
    return float(np.sum(_inv(case, "x") * case["dout"]))


CHECKS.update(
    {
        "inverted_train": Cases(
            inputs=_inverted_inputs,
            run=_inverted_train_run,
            expected=lambda c: _scaled(c, "x"),
            variants=INVERTED_TRAIN_VARIANTS,
        ),
        "inverted_test": Cases(
            inputs=_inverted_inputs,
            run=_inverted_test_run,
            expected=lambda c: {"out": c["x3"]},
            variants=INVERTED_TEST_VARIANTS,
        ),
        "inverted_expectation": Cases(
            inputs=_expectation_inputs,
            run=_expectation_run,
            expected=_means,
            variants=EXPECTATION_VARIANTS,
            rtol=2e-2,
        ),
        "inverted_backward": Cases(
            inputs=_inverted_inputs,
            run=_inverted_backward_run,
            expected=lambda c: _scaled(c, "dout"),
            variants=INVERTED_BACKWARD_VARIANTS,
        ),
        "inverted_gradcheck": GradCheck(
            inputs=_inverted_grad_inputs, run=_inverted_grad_run, loss=_inverted_loss, wrt={"dx": "x"}
        ),
    }
)
