"""Hidden tests for `iou_nms`: pairwise IoU of (x1, y1, x2, y2) boxes, and greedy NMS.

iou: a (N, 4) and b (M, 4) with N != M, neither 4; random boxes, so some pairs are disjoint in both
axes (an unclipped product turns positive), some in one axis only (it turns negative), and one case
holds a box contained in another and a box equal to another.
nms: the first case is drawn by hand: an IoU exactly at the threshold (> versus >=), a chain A > B > C
where B is suppressed by A and C overlaps B but not A (suppressing against every box, not only the kept
ones, drops C), and three equal scores, two of them on overlapping boxes (the tie rule decides which
survives). The other two cases are random clusters with one forced tie. The empty input has its own
check (the learner's process builds the (0, 4) array: a case never holds an array with a batch under 2).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases


def _boxes(rng, n, spread=10.0):
    xy = rng.uniform(0.0, spread, size=(n, 2))
    wh = rng.uniform(0.5, 4.0, size=(n, 2))
    return np.concatenate([xy, xy + wh], axis=1)


def _iou(a, b, *, clip="each", subtract=True, plus=0.0):
    area_a = (a[:, 2] - a[:, 0] + plus) * (a[:, 3] - a[:, 1] + plus)
    area_b = (b[:, 2] - b[:, 0] + plus) * (b[:, 3] - b[:, 1] + plus)
    w = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0]) + plus
    h = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1]) + plus
    if clip == "each":
        inter = np.clip(w, 0.0, None) * np.clip(h, 0.0, None)
    elif clip == "product":
        inter = np.clip(w * h, 0.0, None)
    else:
        inter = w * h
    union = area_a[:, None] + area_b[None, :] - (inter if subtract else 0.0)
    return inter / union


# ---- iou ----


def _iou_inputs(rng) -> list[dict]:
    cases = []
    for n, m in ((3, 5), (6, 2), (5, 9)):
        cases.append({"a": _boxes(rng, n), "b": _boxes(rng, m)})
    a, b = cases[2]["a"], cases[2]["b"]
    b[0] = a[1]  # the same box: IoU 1
    b[1] = (a[2, 0] + 0.2, a[2, 1] + 0.3, a[2, 2] - 0.4, a[2, 3] - 0.1)  # inside a[2]
    return cases


def _iou_run(learner, c) -> dict:
    return {"iou": learner.iou(c["a"], c["b"])}


def _iou_v(name, ja, en, **kw):
    return Variant(name, lambda c: {"iou": _iou(c["a"], c["b"], **kw)}, ja=ja, en=en)


IOU_VARIANTS = (
    _iou_v(
        "no_clip",
        "重ならない組で交わりの幅・高さが負のまま掛けられています。幅と高さをそれぞれ 0 で下から切ってから"
        "掛けます: np.clip(w, 0, None) * np.clip(h, 0, None)。",
        "for boxes that do not overlap, the negative width and height of the intersection are multiplied as they "
        "are: clip each at 0 before multiplying, np.clip(w, 0, None) * np.clip(h, 0, None).",
        clip="none",
    ),
    _iou_v(
        "clip_product",
        "積 w·h を 0 で切っていますが、幅と高さがどちらも負だと積は正になり、離れた矩形に交わりが出ます。"
        "幅と高さをそれぞれ 0 で切ってから掛けます。",
        "the product w·h is clipped at 0, but when both the width and the height are negative the product is "
        "positive and boxes far apart get an intersection: clip the width and the height separately, then "
        "multiply.",
        clip="product",
    ),
    _iou_v(
        "union_without_intersection",
        "和集合を面積の和にしています。交わりの部分を 2 回数えているので、交わりを引きます: "
        "union = area_a + area_b − inter。",
        "the union is taken as the sum of the areas, which counts the intersection twice: subtract it, "
        "union = area_a + area_b − inter.",
        subtract=False,
    ),
    _iou_v(
        "plus_one",
        "幅・高さに +1 を足しています（画素の数を数える古い VOC の流儀）。この問題の座標は連続値で、"
        "幅は x2 − x1 です（torchvision.ops.box_iou と同じ）。",
        "a +1 is added to the widths and heights (the old VOC habit of counting pixels); here coordinates are "
        "continuous and the width is x2 − x1, as in torchvision.ops.box_iou.",
        plus=1.0,
    ),
    Variant(
        "transposed",
        lambda c: {"iou": _iou(c["b"], c["a"])},
        ja="(M, N) を返しています。行が a の矩形、列が b の矩形の (N, M) です。",
        en="you returned (M, N): rows are a's boxes and columns b's, shape (N, M).",
    ),
)


# ---- nms ----

HAND_BOXES = (
    (0.0, 0.0, 2.0, 2.0),  # 0: IoU with 1 is 4 / 8 = 0.5, exactly the threshold
    (0.0, 0.0, 4.0, 2.0),  # 1
    (10.0, 0.0, 14.0, 4.0),  # 2: the best box of a chain 2 > 3 > 4
    (11.0, 0.0, 15.0, 4.0),  # 3: IoU 0.6 with 2, suppressed
    (12.0, 0.0, 16.0, 4.0),  # 4: IoU 1/3 with 2, 0.6 with 3: kept, since 3 is gone
    (20.0, 20.0, 23.0, 22.0),  # 5: tied with 1 and 6
    (20.0, 20.0, 23.0, 23.0),  # 6: IoU 2/3 with 5, same score: the lower index (5) wins
)
HAND_SCORES = (0.9, 0.8, 0.95, 0.7, 0.6, 0.8, 0.8)


def _clusters(rng, n, k):
    centres = rng.uniform(0.0, 30.0, size=(k, 2))
    which = np.arange(n) % k
    xy = centres[which] + rng.normal(scale=0.6, size=(n, 2))
    wh = rng.uniform(2.0, 4.0, size=(n, 2))
    boxes = np.concatenate([xy, xy + wh], axis=1)
    scores = np.round(rng.uniform(0.05, 0.99, size=n), 2)
    scores[k] = scores[0]  # two boxes of cluster 0 with equal scores
    return boxes, scores


def _nms_inputs(rng) -> list[dict]:
    cases = [{"boxes": np.array(HAND_BOXES), "scores": np.array(HAND_SCORES), "thr": 0.5}]
    for n, k, thr in ((12, 4, 0.4), (20, 5, 0.6)):
        boxes, scores = _clusters(rng, n, k)
        cases.append({"boxes": boxes, "scores": scores, "thr": thr})
    return cases


def _nms(boxes, scores, thr, *, order="stable", rule="gt", against="kept", out="order"):
    if order == "stable":
        idx = np.argsort(-scores, kind="stable")
    elif order == "ties_reversed":
        idx = np.argsort(scores, kind="stable")[::-1]
    else:  # ascending
        idx = np.argsort(scores, kind="stable")
    overlaps = _iou(boxes, boxes)
    keep, seen = [], []
    for i in idx:
        against_these = keep if against == "kept" else seen
        o = overlaps[i, against_these]
        if np.all(o <= thr) if rule == "gt" else np.all(o < thr):
            keep.append(int(i))
        seen.append(int(i))
    keep = np.array(keep, dtype=np.int64)
    if out == "sorted":
        return np.sort(keep)
    if out == "mask":
        mask = np.zeros(len(scores), dtype=bool)
        mask[keep] = True
        return mask
    return keep


def _nms_run(learner, c) -> dict:
    return {"keep": learner.nms(c["boxes"], c["scores"], c["thr"])}


def _nms_v(name, ja, en, **kw):
    return Variant(name, lambda c: {"keep": _nms(c["boxes"], c["scores"], c["thr"], **kw)}, ja=ja, en=en)


NMS_VARIANTS = (
    _nms_v(
        "greater_equal",
        "IoU がちょうど閾値に等しい矩形も捨てています（>=）。捨てるのは IoU が閾値より大きい（>）ときだけです"
        "（torchvision.ops.nms と同じ）。",
        "boxes whose IoU equals the threshold are dropped too (>=): drop a box only when its IoU is greater "
        "than the threshold (>), as torchvision.ops.nms does.",
        rule="ge",
    ),
    _nms_v(
        "against_all",
        "すでに捨てた矩形とも比べて捨てています。比べるのは残した（keep に入れた）矩形だけです。捨てられた矩形は"
        "ほかの矩形を消しません。",
        "boxes are also compared with boxes already dropped: compare only with the kept ones. A box that was "
        "suppressed suppresses nothing.",
        against="all",
    ),
    _nms_v(
        "ascending",
        "スコアの小さい順に処理しています。スコアの大きい順（降順）に見て、最もスコアの高い矩形から残します: "
        'np.argsort(-scores, kind="stable")。',
        "the boxes are processed by increasing score: go by decreasing score, keeping the best box first, "
        'np.argsort(-scores, kind="stable").',
        order="ascending",
    ),
    _nms_v(
        "ties_reversed",
        "同じスコアの矩形で、添字の大きい方が先になっています（scores.argsort()[::-1] は同点の順も逆にします）。"
        '同点は添字の小さい方を先にします: np.argsort(-scores, kind="stable")。',
        "among equal scores the higher index comes first (scores.argsort()[::-1] reverses the ties too): equal "
        'scores go lower index first, np.argsort(-scores, kind="stable").',
        order="ties_reversed",
    ),
    _nms_v(
        "sorted_indices",
        "残した添字を番号順に並べ替えています。スコアの大きい順のまま返します。",
        "the kept indices are sorted by index: return them in decreasing score order, as they were kept.",
        out="sorted",
    ),
    _nms_v(
        "boolean_mask",
        "残すかどうかの真偽値のマスクを返しています。残した矩形の添字を int の配列で、スコアの大きい順に返します。",
        "you returned a boolean mask: return the kept boxes' indices as an int array, by decreasing score.",
        out="mask",
    ),
)


def _empty_run(learner, c) -> dict:
    return {"keep": learner.nms(np.zeros((0, 4)), np.zeros(0), c["thr"])}


CHECKS = {
    "iou": Cases(
        inputs=_iou_inputs, run=_iou_run, expected=lambda c: {"iou": _iou(c["a"], c["b"])}, variants=IOU_VARIANTS
    ),
    "nms": Cases(
        inputs=_nms_inputs,
        run=_nms_run,
        expected=lambda c: {"keep": _nms(c["boxes"], c["scores"], c["thr"])},
        variants=NMS_VARIANTS,
    ),
    "empty": Cases(
        inputs=lambda rng: [{"thr": 0.5}], run=_empty_run, expected=lambda c: {"keep": np.zeros(0, dtype=np.int64)}
    ),
}
