"""Hidden tests for `inverted_dropout`: PyTorch's nn.Dropout convention, InvertedDropout(p).

forward(x, train_flg=True, mask=None): in training the kept units (mask True) are scaled by 1 / (1 − p);
the mask is the one the caller passes, or np.random.rand(*x.shape) > p when mask is None (the learner's
run seeds numpy's global generator once, before one object is used; the expected masks are the
successive draws of np.random.RandomState(seed)). Test mode is the identity. backward uses the mask and
the factor of the last training forward. One object is reused over three calls (shapes A, A, B: a mask
kept while the shape stays the same shows). p is never 0.5 except in the first `train` case, which
builds InvertedDropout() with its default, so dividing by p (p taken as the keep probability) shows on
the others; the `p_zero` check has p = 0 (nothing dropped, factor 1).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from
from grader.hidden._reuse import snapshot as _snapshot

DEFAULT_P = 0.5
# (shapes of the three calls on one object, p): the first two shapes are equal.
SPECS = (
    (((4, 5), (4, 5), (6, 5)), DEFAULT_P),
    (((3, 2, 6), (3, 2, 6), (5, 2, 6)), 0.3),
    (((6, 3), (6, 3), (2, 3)), 0.6),
)
SEEDS = (51, 52, 53)


def _mask(rng, shape, p):
    """Keep decisions (True = kept) with probability 1 − p, at least one kept and one dropped unit."""
    mask = rng.random(size=shape) > p
    flat = mask.reshape(-1)
    flat[0], flat[1] = True, False
    return mask


def _inputs(rng) -> list[dict]:
    cases = []
    for (shapes, p), seed in zip(SPECS, SEEDS):
        case: dict = {"p": p, "_seed": seed}
        for k, shape in zip(CALLS, shapes):
            case[f"x{k}"] = rng.normal(size=shape)
            case[f"dout{k}"] = rng.normal(size=shape)
            case[f"mask{k}"] = _mask(rng, shape, p)
        cases.append(case)
    return cases


def _layer(learner, p):
    return learner.InvertedDropout() if p == DEFAULT_P else learner.InvertedDropout(p)


def _drawn(case, reuse=False, flip=False) -> list:
    """The masks numpy draws for the three calls of one object seeded once; with `reuse`, a mask
    drawn once and kept while the shape stays the same; with `flip`, the rule rand < p."""
    rs = np.random.RandomState(case["_seed"])
    masks: list = []
    for k in CALLS:
        shape = case[f"x{k}"].shape
        if reuse and masks and masks[-1].shape == shape:
            masks.append(masks[-1])
            continue
        draw = rs.rand(*shape)
        masks.append(draw < case["p"] if flip else draw > case["p"])
    return masks


def _given(case, kept=False) -> list:
    """The masks passed to the three calls; with `kept`, the first mask of each shape kept."""
    calls = _kept_from(case) if kept else CALLS
    return [case[f"mask{j}"] for j in calls]


OUTPUT = {"x": "out", "dout": "dx"}  # call k's input -> its output's name (out1, dx1, ...)


def _scaled(case, key, masks, factor=None) -> dict:
    """Call k's input times mask k times the factor (1 / (1 − p) unless given)."""
    factor = 1.0 / (1.0 - case["p"]) if factor is None else factor
    return {f"{OUTPUT[key]}{k}": case[f"{key}{k}"] * m * factor for k, m in zip(CALLS, masks)}


# ---- the learner's side -------------------------------------------------------------------------
def _train_run(learner, case) -> dict:
    layer = _layer(learner, case["p"])
    return {f"out{k}": _snapshot(layer.forward(case[f"x{k}"], True, case[f"mask{k}"])) for k in CALLS}


def _drawn_run(learner, case) -> dict:
    layer = _layer(learner, case["p"])
    np.random.seed(case["_seed"])
    return {f"out{k}": _snapshot(layer.forward(case[f"x{k}"], train_flg=True)) for k in CALLS}


def _backward_run(learner, case) -> dict:
    layer = _layer(learner, case["p"])
    grads = {}
    for k in CALLS:
        layer.forward(case[f"x{k}"], train_flg=True, mask=case[f"mask{k}"])
        grads[f"dx{k}"] = _snapshot(layer.backward(case[f"dout{k}"]))
    return grads


def _test_run(learner, case) -> dict:
    """A training call, then test mode on another x of the same shape (a stale mask would fit it)."""
    layer = _layer(learner, case["p"])
    layer.forward(case["x1"], train_flg=True, mask=case["mask1"])
    return {"out": layer.forward(case["x2"], train_flg=False)}


# ---- known mistakes -----------------------------------------------------------------------------
UNSCALED = dict(
    ja="学習時に残したユニットを 1 / (1 − p) 倍していません（それは 1 巻の Dropout の学習時です）。inverted dropout は"
    "学習時に x * mask / (1 − p) を返し、出力の期待値を x にそろえます。",
    en="kept units are not scaled by 1 / (1 − p) in training (that is book 1's Dropout in training). Inverted "
    "dropout returns x * mask / (1 − p) in training, so that the expected output equals x.",
)
DIVIDED_BY_P = dict(
    ja="残したユニットを 1 / p 倍しています（p を残す確率と取り違えています）。p は消す確率（torch.nn.Dropout の p と"
    "同じ）なので、残す確率は 1 − p で、倍率は 1 / (1 − p) です。",
    en="kept units are scaled by 1 / p, as if p were the keep probability. p is the drop probability (as in "
    "torch.nn.Dropout), so the keep probability is 1 − p and the factor is 1 / (1 − p).",
)
TIMES_P = dict(
    ja="残したユニットに p を掛けています。p は消す確率で、残したユニットに掛ける倍率は 1 / (1 − p) です"
    "（p = 0 なら何も消さず、倍率 1 で x がそのまま出ます）。",
    en="kept units are multiplied by p. p is the drop probability, and the factor on the kept units is "
    "1 / (1 − p) (with p = 0 nothing is dropped and the factor is 1, so x comes out unchanged).",
)
FLIPPED = dict(
    ja="mask の向きが逆です。mask は残すかどうか（True のユニットを残す）なので、x * mask / (1 − p) です"
    "（自分で引くときも np.random.rand(*x.shape) > p が True のユニットを残します）。",
    en="the mask is the wrong way round: it says which units are kept (True = kept), so return x * mask / (1 − p) "
    "(when drawing it yourself, keep the units where np.random.rand(*x.shape) > p).",
)
KEPT = dict(
    ja="前の呼び出しの mask を使い回しています（形が同じあいだ新しい mask に替えていない）。学習時の forward は"
    "呼ぶたびに、渡された mask（mask=None なら新しく引いた mask）を self.mask に上書きします。",
    en="the mask of an earlier call is reused (it is not replaced while the shape stays the same). Every training "
    "forward overwrites self.mask with the mask passed in (or, with mask=None, a newly drawn one).",
)
DRAWN_ONCE = dict(
    ja="mask を 1 回だけ引いて、次の呼び出しでも使い回しています。mask=None の学習時の forward は、呼ぶたびに "
    "np.random.rand(*x.shape) > p で新しい mask を引きます（形が同じでも引き直します）。",
    en="the mask is drawn once and reused by later calls: with mask=None, every training forward draws a new mask "
    "with np.random.rand(*x.shape) > p, even when the shape is the same as last time.",
)
TRAIN_VARIANTS = (
    Variant("unscaled", lambda c: _scaled(c, "x", _given(c), 1.0), **UNSCALED),
    Variant("divided_by_p", lambda c: _scaled(c, "x", _given(c), 1.0 / c["p"]), **DIVIDED_BY_P),
    Variant("times_p", lambda c: _scaled(c, "x", _given(c), c["p"]), **TIMES_P),
    Variant("mask_flipped", lambda c: _scaled(c, "x", [~m for m in _given(c)]), **FLIPPED),
    Variant("mask_kept", lambda c: _scaled(c, "x", _given(c, kept=True)), **KEPT),
)

DRAWN_VARIANTS = (
    Variant("drawn_once", lambda c: _scaled(c, "x", _drawn(c, reuse=True)), **DRAWN_ONCE),
    Variant("rule_flipped", lambda c: _scaled(c, "x", _drawn(c, flip=True)), **FLIPPED),
    Variant("drawn_unscaled", lambda c: _scaled(c, "x", _drawn(c), 1.0), **UNSCALED),
)

TEST_VARIANTS = (
    Variant(
        "test_scaled",
        lambda c: {"out": c["x2"] * (1.0 - c["p"])},
        ja="テスト時に (1 − p) を掛けています（1 巻の Dropout のテスト時の方式）。inverted dropout は学習時に拡大済み"
        "なので、テスト時（train_flg=False、PyTorch の model.eval()）は x をそのまま返します。",
        en="test mode multiplies by (1 − p), as book 1's Dropout does at test time. Inverted dropout has already "
        "scaled in training, so test mode (train_flg=False, PyTorch's model.eval()) returns x unchanged.",
    ),
    Variant(
        "test_divided",
        lambda c: {"out": c["x2"] / (1.0 - c["p"])},
        ja="テスト時にも 1 / (1 − p) 倍しています。拡大するのは学習時だけで、テスト時は x をそのまま返します。",
        en="test mode scales by 1 / (1 − p) too: the factor belongs to training only; test mode returns x unchanged.",
    ),
    Variant(
        "test_masked",
        lambda c: {"out": c["x2"] * c["mask1"] / (1.0 - c["p"])},
        ja="テスト時にも前の学習時の mask を掛けています。train_flg=False ではすべてのユニットを使い、x をそのまま返します。",
        en="test mode still applies the last training mask: with train_flg=False every unit is used and x is "
        "returned unchanged.",
    ),
)

BACKWARD_VARIANTS = (
    Variant(
        "backward_unscaled",
        lambda c: _scaled(c, "dout", _given(c), 1.0),
        ja="backward で 1 / (1 − p) 倍を忘れています。forward が x * mask / (1 − p) なので、その微分を掛けた "
        "backward も dout * mask / (1 − p) です。",
        en="backward forgets the factor 1 / (1 − p): forward is x * mask / (1 − p), so backward, by its derivative, "
        "is dout * mask / (1 − p) as well.",
    ),
    Variant("backward_mask_kept", lambda c: _scaled(c, "dout", _given(c, kept=True)), **KEPT),
    Variant(
        "pass_through",
        lambda c: {f"dx{k}": c[f"dout{k}"] for k in CALLS},
        ja="dout をそのまま返しています。forward で消したユニット（mask が False）の勾配は 0 で、残したユニットの勾配は "
        "1 / (1 − p) 倍です: dout * mask / (1 − p)。",
        en="dout is passed through unchanged: the units dropped in forward (mask False) get gradient 0 and the kept "
        "ones 1 / (1 − p) times dout: dout * mask / (1 − p).",
    ),
    Variant("backward_divided_by_p", lambda c: _scaled(c, "dout", _given(c), 1.0 / c["p"]), **DIVIDED_BY_P),
)


# ---- p = 0: nothing is dropped ------------------------------------------------------------------
def _zero_inputs(rng) -> list[dict]:
    cases = []
    for shape, seed in (((3, 4), 61), ((5, 2, 3), 62), ((2, 7), 63)):
        cases.append(
            {
                "x": rng.normal(size=shape),
                "dout": rng.normal(size=shape),
                "mask": np.ones(shape, dtype=bool),
                "_seed": seed,
            }
        )
    return cases


def _zero_run(learner, case) -> dict:
    layer = learner.InvertedDropout(0.0)
    out = _snapshot(layer.forward(case["x"], train_flg=True, mask=case["mask"]))
    dx = _snapshot(layer.backward(case["dout"]))
    np.random.seed(case["_seed"])
    drawn = layer.forward(case["x"], train_flg=True)
    return {"out": out, "dx": dx, "drawn": drawn}


ZERO_VARIANTS = (
    Variant("zero_times_p", lambda c: {"out": 0.0 * c["x"], "drawn": 0.0 * c["x"]}, **TIMES_P),
    Variant("zero_backward_times_p", lambda c: {"dx": 0.0 * c["dout"]}, **TIMES_P),
)


# ---- gradcheck ----------------------------------------------------------------------------------
def _grad_inputs(rng) -> list[dict]:
    cases = []
    for shape, p in (((5, 4), 0.3), ((2, 3, 4), 0.6), ((6, 2), 0.25)):
        cases.append(
            {"x": rng.normal(size=shape), "dout": rng.normal(size=shape), "mask": _mask(rng, shape, p), "p": p}
        )
    return cases


def _grad_run(learner, case) -> dict:
    layer = learner.InvertedDropout(case["p"])
    layer.forward(case["x"], train_flg=True, mask=case["mask"])
    return {"dx": layer.backward(case["dout"])}


def _grad_loss(case) -> float:
    return float(np.sum(case["x"] * case["mask"] / (1.0 - case["p"]) * case["dout"]))


CHECKS = {
    "train": Cases(
        inputs=_inputs,
        run=_train_run,
        expected=lambda c: _scaled(c, "x", _given(c)),
        variants=TRAIN_VARIANTS,
    ),
    "drawn": Cases(
        inputs=_inputs, run=_drawn_run, expected=lambda c: _scaled(c, "x", _drawn(c)), variants=DRAWN_VARIANTS
    ),
    "test_mode": Cases(inputs=_inputs, run=_test_run, expected=lambda c: {"out": c["x2"]}, variants=TEST_VARIANTS),
    "p_zero": Cases(
        inputs=_zero_inputs,
        run=_zero_run,
        expected=lambda c: {"out": c["x"], "dx": c["dout"], "drawn": c["x"]},
        variants=ZERO_VARIANTS,
    ),
    "backward": Cases(
        inputs=_inputs,
        run=_backward_run,
        expected=lambda c: _scaled(c, "dout", _given(c)),
        variants=BACKWARD_VARIANTS,
    ),
    "gradcheck": GradCheck(inputs=_grad_inputs, run=_grad_run, loss=_grad_loss, wrt={"dx": "x"}),
}
