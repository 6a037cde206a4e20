"""Hidden tests for `average_precision`: all-point interpolated AP of one class, and the mAP.

Scores are rounded to one decimal, so ties occur, and each "ap" case holds at least one tie between a
TP and an FP (the tie order changes the AP). n_gt is larger than the number of TPs (missed objects)
in two cases and equal in one; the n_gt values (7, 11, 13) keep every recall away from the
11-point grid 0, 0.1, …, 1 except at 0 and 1, so the 11-point variant is well defined. The "edge"
check: no detections (AP 0), no ground truth (nan, with and without detections) and a class with
one object. "map" mixes a class without ground truth (skipped), a class without detections (AP 0,
counted) and a class with one object.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases


def _ap(scores, is_tp, n_gt, *, order="stable", envelope="right", recall_by="n_gt", points="all"):
    if n_gt == 0:
        return float("nan")
    if order == "stable":
        idx = np.argsort(-scores, kind="stable")
    elif order == "ties_reversed":
        idx = np.argsort(scores, kind="stable")[::-1]
    else:
        idx = np.argsort(scores, kind="stable")
    tp = np.cumsum(np.asarray(is_tp, dtype=float)[idx])
    k = np.arange(1, len(idx) + 1)
    precision = tp / k
    recall = tp / (n_gt if recall_by == "n_gt" else max(len(idx), 1))
    if points == "eleven":
        total = 0.0
        for t in np.arange(0.0, 1.1, 0.1):
            p = precision[recall >= t]
            total += p.max() if p.size else 0.0
        return float(total / 11)
    if envelope == "right":
        p_hat = np.maximum.accumulate(precision[::-1])[::-1]
    elif envelope == "left":
        p_hat = np.maximum.accumulate(precision)
    else:
        p_hat = precision
    steps = np.diff(np.concatenate(([0.0], recall)))
    return float(np.sum(steps * p_hat))


def _draw(rng, K, n_gt, n_tp):
    """K detections with n_tp TPs, scores on a 0.1 grid, at least one TP-FP tie."""
    for _ in range(500):
        is_tp = np.zeros(K, dtype=bool)
        is_tp[rng.choice(K, size=n_tp, replace=False)] = True
        scores = np.round(np.clip(rng.normal(0.5, 0.2, size=K) + 0.15 * is_tp, 0.01, 0.99), 1)
        mixed_tie = any(len(set(is_tp[scores == s])) == 2 for s in np.unique(scores))
        precision = np.cumsum(is_tp[np.argsort(-scores, kind="stable")]) / np.arange(1, K + 1)
        if mixed_tie and np.any(np.diff(precision) > 0):  # the envelope matters
            return {"scores": scores, "is_tp": is_tp, "n_gt": n_gt}
    raise AssertionError("no case drawn")


def _ap_inputs(rng) -> list[dict]:
    return [_draw(rng, 9, 7, 5), _draw(rng, 14, 11, 11), _draw(rng, 22, 13, 9)]


def _edge_inputs(rng) -> list[dict]:
    return [
        {"scores": np.zeros(0), "is_tp": np.zeros(0, dtype=bool), "n_gt": 3},
        {"scores": np.round(rng.uniform(0.1, 0.9, size=4), 2), "is_tp": np.zeros(4, dtype=bool), "n_gt": 0},
        {"scores": np.zeros(0), "is_tp": np.zeros(0, dtype=bool), "n_gt": 0},
        {"scores": np.array([0.9, 0.7, 0.4]), "is_tp": np.array([False, True, False]), "n_gt": 1},
    ]


def _ap_run(learner, c) -> dict:
    return {"ap": learner.average_precision(c["scores"], c["is_tp"], c["n_gt"])}


def _ap_v(name, ja, en, **kw):
    return Variant(name, lambda c: {"ap": _ap(c["scores"], c["is_tp"], c["n_gt"], **kw)}, ja=ja, en=en)


AP_VARIANTS = (
    _ap_v(
        "eleven_point",
        "11 点補間（VOC2007 の方式: recall 0, 0.1, …, 1 での補間 precision の平均）になっています。この問題は"
        "全点補間（VOC2010 以降）です: AP = Σ_k (recall_k − recall_{k−1}) · max_{j ≥ k} precision_j。",
        "that is the 11-point interpolation (VOC2007: the mean interpolated precision at recall 0, 0.1, …, 1); "
        "this problem uses all-point interpolation (VOC2010 on): AP = Σ_k (recall_k − recall_{k−1}) · "
        "max_{j ≥ k} precision_j.",
        points="eleven",
    ),
    _ap_v(
        "no_envelope",
        "precision をそのまま使っていて、右から単調にしていません。各 k で p̂_k = max_{j ≥ k} precision_j"
        "（np.maximum.accumulate(precision[::-1])[::-1]）を使います。",
        "the raw precision is used, not made monotone from the right: use p̂_k = max_{j ≥ k} precision_j "
        "(np.maximum.accumulate(precision[::-1])[::-1]) at each k.",
        envelope="none",
    ),
    _ap_v(
        "envelope_from_left",
        "包絡線を左から（max_{j ≤ k}）とっています。補間 precision は「その recall 以上で達成できる最大の precision」"
        "なので、右から: p̂_k = max_{j ≥ k} precision_j。",
        "the envelope is taken from the left (max_{j ≤ k}): the interpolated precision is the best precision "
        "reachable at this recall or beyond, so take it from the right, p̂_k = max_{j ≥ k} precision_j.",
        envelope="left",
    ),
    _ap_v(
        "recall_over_detections",
        "recall を検出数 K で割っています。recall の分母は正解の物体の数 n_gt です（見逃した物体も数えます）。",
        "recall is divided by the number of detections K: its denominator is the number of ground-truth objects "
        "n_gt (missed objects count too).",
        recall_by="K",
    ),
    _ap_v(
        "ascending",
        "スコアの小さい順に並べています。検出はスコアの大きい順（降順）に並べて、しきい値を上から下げていきます。",
        "the detections are sorted by increasing score: sort by decreasing score, lowering the threshold from the top.",
        order="ascending",
    ),
    _ap_v(
        "ties_reversed",
        "同じスコアの検出の順が逆です（scores.argsort()[::-1] は同点の順も逆にします）。同点は与えられた順に"
        '並べます: np.argsort(-scores, kind="stable")（COCO の評価コードも安定ソートです）。',
        "detections with equal scores are in reverse order (scores.argsort()[::-1] reverses the ties too): keep "
        'ties in the given order, np.argsort(-scores, kind="stable") (COCO\'s evaluation sorts stably too).',
        order="ties_reversed",
    ),
)

EDGE_VARIANTS = (
    Variant(
        "zero_without_gt",
        lambda c: {"ap": 0.0 if c["n_gt"] == 0 else _ap(c["scores"], c["is_tp"], c["n_gt"])},
        ja="n_gt = 0 のクラスで 0.0 を返しています。正解がなければ recall が定義できないので、AP は nan を返します"
        "（mean_ap ではそのクラスを除きます）。",
        en="a class with n_gt = 0 returns 0.0: without ground truth recall is undefined, so return nan "
        "(mean_ap skips that class).",
    ),
)


def _mean(per_class, *, skip_empty_gt=True, skip_no_detections=False):
    aps = []
    for s, t, n in per_class:
        if n == 0 and skip_empty_gt:
            continue
        if len(s) == 0 and skip_no_detections:
            continue
        aps.append(0.0 if n == 0 else _ap(s, t, n))
    return float(np.mean(aps))


def _map_inputs(rng) -> list[dict]:
    cases = []
    for sizes in (((9, 7, 5), (6, 4, 3), (0, 0, 0), (0, 2, 0)), ((14, 11, 11), (5, 0, 0), (8, 7, 4), (4, 1, 1))):
        per_class = []
        for K, n_gt, n_tp in sizes:
            if K == 0:
                per_class.append((np.zeros(0), np.zeros(0, dtype=bool), n_gt))
            elif n_gt == 0:
                per_class.append((np.round(rng.uniform(0.1, 0.9, size=K), 1), np.zeros(K, dtype=bool), 0))
            else:
                d = _draw(rng, K, n_gt, n_tp)
                per_class.append((d["scores"], d["is_tp"], d["n_gt"]))
        cases.append({"per_class": per_class})
    return cases


def _map_run(learner, c) -> dict:
    return {"map": learner.mean_ap(c["per_class"])}


MAP_VARIANTS = (
    Variant(
        "gt_free_class_counted",
        lambda c: {"map": _mean(c["per_class"], skip_empty_gt=False)},
        ja="正解のない（n_gt = 0 の）クラスを AP 0 として平均に入れています。そのクラスは平均から除きます"
        "（COCO の評価も正解のないクラスを除きます）。",
        en="a class without ground truth (n_gt = 0) enters the mean with AP 0: leave it out of the mean (COCO's "
        "evaluation skips such classes too).",
    ),
    Variant(
        "no_detection_class_skipped",
        lambda c: {"map": _mean(c["per_class"], skip_no_detections=True)},
        ja="検出が 1 つもないクラスを平均から除いています。正解があるのに何も検出しなかったクラスは AP 0 として"
        "平均に入れます。",
        en="a class with no detections is left out of the mean: a class with ground truth but nothing detected "
        "counts, with AP 0.",
    ),
)

CHECKS = {
    "ap": Cases(
        inputs=_ap_inputs,
        run=_ap_run,
        expected=lambda c: {"ap": _ap(c["scores"], c["is_tp"], c["n_gt"])},
        variants=AP_VARIANTS,
    ),
    "edge": Cases(
        inputs=_edge_inputs,
        run=_ap_run,
        expected=lambda c: {"ap": _ap(c["scores"], c["is_tp"], c["n_gt"])},
        variants=EDGE_VARIANTS,
    ),
    "map": Cases(
        inputs=_map_inputs, run=_map_run, expected=lambda c: {"map": _mean(c["per_class"])}, variants=MAP_VARIANTS
    ),
}
