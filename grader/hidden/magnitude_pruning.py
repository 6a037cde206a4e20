"""Hidden tests for `magnitude_pruning`: zero the k = round(p · W.size) weights of smallest |w|, globally.

Weights of both signs, all |w| distinct, 2-D to 4-D shapes, p·size whole numbers, one case with p = 0.
The mask must be a bool array as the statement says: a 0/1 mask of floats (or of integers) has the right
values, so its dtype is reported in two outputs of its own (a float mask and an integer one are named
apart by the diagnosis).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

NOT_FLOAT, IS_BOOL = "mask.dtype is not float", "mask.dtype is bool"
SETTINGS = (((4, 5), 0.3), ((3, 2, 4), 0.5), ((2, 8), 0.75), ((2, 3, 2, 2), 0.25), ((3, 4), 0.0))


def _inputs(rng) -> list[dict]:
    cases = []
    for shape, p in SETTINGS:
        W = rng.normal(size=shape)
        W[np.abs(W) < 1e-3] += 0.01
        cases.append({"W": W, "p": p})
    return cases


def _run(learner, case) -> dict:
    W = case["W"]
    W0 = W.copy()
    res = learner.magnitude_prune(W, case["p"])
    Wp, mask = res if isinstance(res, tuple) and len(res) == 2 else (res, None)
    kind = mask.dtype.kind if isinstance(mask, np.ndarray) else None  # not an array: "mask" says so
    return {
        "W_pruned": Wp,
        "mask": mask,
        "W_unchanged": bool(np.array_equal(W, W0)),
        NOT_FLOAT: kind != "f",
        IS_BOOL: kind is None or kind not in "iu",  # a float mask is told by NOT_FLOAT
    }


def _ref(c, *, key="abs", keep_fraction=False, inverted=False, largest=False) -> dict:
    W, p = c["W"], c["p"]
    k = int(round(p * W.size))
    if keep_fraction:
        k = W.size - k
    score = np.abs(W) if key == "abs" else W
    order = np.argsort(score, axis=None)
    if largest:
        order = order[::-1]
    mask = np.ones(W.size, dtype=bool)
    mask[order[:k]] = False
    mask = mask.reshape(W.shape)
    if inverted:
        mask = ~mask
    return {"W_pruned": W * mask, "mask": mask, "W_unchanged": True, NOT_FLOAT: True, IS_BOOL: True}


def V_(name, ja, en, **kw):
    return Variant(name, lambda c: _ref(c, **kw), ja=ja, en=en)


VARIANTS = (
    V_(
        "signed",
        key="signed",
        ja="符号つきの値 w が小さい順に刈っています（大きな負の重みが消えます）。大きさ |w| = np.abs(W) の小さい順です。",
        en="you pruned the smallest signed values w (large negative weights disappear): prune by magnitude "
        "|w| = np.abs(W).",
    ),
    V_(
        "keep_fraction",
        keep_fraction=True,
        ja="割合 p を「残して」います。p は刈る割合です: |w| の小さい round(p · W.size) 個を 0 にします。",
        en="you kept the fraction p: p is the fraction to prune, so zero the round(p · W.size) weights with the "
        "smallest |w|.",
    ),
    V_(
        "largest",
        largest=True,
        ja="|w| の大きい方を刈っています。小さい方（ネットワークへの寄与が小さい方）を 0 にします。",
        en="you pruned the largest |w|: zero the smallest ones (those contributing least).",
    ),
    V_(
        "mask_inverted",
        inverted=True,
        ja="mask の意味が逆です。True = 残す、False = 刈った、で W_pruned = W * mask です。",
        en="the mask is inverted: True = kept, False = pruned, and W_pruned = W * mask.",
    ),
    Variant(
        "modified_W",
        lambda c: {"W_unchanged": round(c["p"] * c["W"].size) == 0},  # p = 0 changes nothing
        ja="W_pruned と mask は合っていますが、渡された W を書き換えています。W * mask のように新しい配列を返します。",
        en="W_pruned and mask are right, but the W passed in was modified: return a new array such as W * mask.",
    ),
    Variant(
        "float_mask",
        lambda c: {NOT_FLOAT: False},
        ja="mask の値は合っていますが、0.0 と 1.0 の float の配列です。問題文のとおり bool の配列"
        "（dtype bool: True = 残す、False = 刈った）で返します。np.ones(W.size, dtype=bool) から作るか、"
        "np.abs(W) >= しきい値 のような比較の結果を使います。",
        en="the mask has the right values but is an array of 0.0 and 1.0 floats: return a bool array as the "
        "statement says (dtype bool, True = kept, False = pruned), e.g. built from np.ones(W.size, dtype=bool) "
        "or taken from a comparison such as np.abs(W) >= threshold.",
    ),
    Variant(
        "int_mask",
        lambda c: {IS_BOOL: False},
        ja="mask の値は合っていますが、0 と 1 の整数の配列です。問題文のとおり bool の配列（dtype bool）で返します"
        "（.astype(bool) または比較の結果）。",
        en="the mask has the right values but is an array of integers 0 and 1: return a bool array as the "
        "statement says (dtype bool), e.g. .astype(bool) or the result of a comparison.",
    ),
)

CHECKS = {
    "prune": Cases(inputs=_inputs, run=_run, expected=lambda c: _ref(c), variants=VARIANTS),
}
