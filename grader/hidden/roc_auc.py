"""Hidden tests for `roc_auc`: AUC = P(s_pos > s_neg) + P(s_pos == s_neg) / 2.

Two cases have scores rounded to one decimal, with positive-negative ties, so the tie rule and
a trapezoid that steps through tied scores one sample at a time both show; one case has no ties.
Every case's AUC is away from 0.5, so the reversed order (1 − AUC) is a different value.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases


def _auc(t, s, mode="right"):
    pos, neg = s[t == 1], s[t == 0]
    gt = np.sum(pos[:, None] > neg[None, :])
    eq = np.sum(pos[:, None] == neg[None, :])
    lt = np.sum(pos[:, None] < neg[None, :])
    total = len(pos) * len(neg)
    value = {"right": gt + 0.5 * eq, "reversed": lt + 0.5 * eq, "ties_zero": gt, "ties_one": gt + eq}[mode]
    return float(value / total)


def _inputs(rng) -> list[dict]:
    cases = []
    for n, rounding in ((16, 1), (23, 1), (11, None)):
        for _ in range(200):
            t = (np.arange(n) % 3 == 0).astype(np.int64)
            rng.shuffle(t)
            s = rng.normal(size=n) * 0.6 + t * 0.7
            s = np.round(s, rounding) if rounding else s
            pos, neg = s[t == 1], s[t == 0]
            ties = np.sum(pos[:, None] == neg[None, :])
            if abs(_auc(t, s) - 0.5) > 0.1 and (ties >= 2 if rounding else ties == 0):
                break
        cases.append({"y_true": t, "scores": s})
    return cases


def _expected(c) -> dict:
    return {"auc": _auc(c["y_true"], c["scores"])}


def _run(learner, c) -> dict:
    return {"auc": learner.auc(c["y_true"], c["scores"])}


def _v(mode, ja, en):
    return Variant(mode, lambda c: {"auc": _auc(c["y_true"], c["scores"], mode)}, ja=ja, en=en)


VARIANTS = (
    _v(
        "reversed",
        "1 − AUC になっています。スコアの順序が逆です: スコアが大きいほど陽性らしいので、"
        "しきい値は大きい方から下げていきます（または陽性のスコア > 陰性のスコアのペアを数えます）。",
        "you got 1 − AUC: the score order is reversed. A larger score means more likely positive, so lower "
        "the threshold from the top (or count the pairs where the positive's score > the negative's).",
    ),
    _v(
        "ties_zero",
        "同点のペアを 0 と数えています（> だけ）。同点は 1/2 と数えます。ROC 曲線で言えば、"
        "同じスコアの点をまとめて 1 つのしきい値にし、斜めの線分（台形）で面積をとります。",
        "tied pairs count 0 here (only >): a tie counts 1/2. On the ROC curve, take equal scores as one "
        "threshold and use the diagonal segment (a trapezoid).",
    ),
    _v(
        "ties_one",
        "同点のペアを 1 と数えています（>=）。同点は 1/2 と数えます。",
        "tied pairs count 1 here (>=): a tie counts 1/2.",
    ),
)

CHECKS = {"auc": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS)}
