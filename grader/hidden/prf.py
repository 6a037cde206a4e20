"""Hidden tests for `prf`: binary precision, recall and F1 (positive class 1; 0/0 -> 0.0).

Three random label vectors with precision != recall; one case with no positive prediction
(precision = recall = f1 = 0.0 by the stated convention; the integer 0 there is diagnosed), one with no
actual positive (recall 0/0 -> 0.0), one with a single positive found, and one with precision < recall
<= 0.5, so every zero-denominator test and its threshold is exercised.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases


def _inputs(rng) -> list[dict]:
    cases = []
    for n, p_true, flip in ((14, 0.4, 0.3), (21, 0.6, 0.35), (10, 0.5, 0.4)):
        for _ in range(100):
            t = (rng.random(n) < p_true).astype(np.int64)
            y = np.where(rng.random(n) < flip, 1 - t, t)
            prec, rec, _ = _prf(t, y)
            if 0 < prec < 1 and 0 < rec < 1 and abs(prec - rec) > 0.05 and (y == t).mean() not in (prec, rec):
                break
        cases.append({"y_true": t, "y_pred": y})
    cases.append({"y_true": np.array([0, 1, 0, 0, 1, 0, 1]), "y_pred": np.zeros(7, dtype=np.int64)})
    # no actual positive: recall is 0/0 -> 0.0 (a fallback of 1.0, or `>= 0`, shows)
    cases.append({"y_true": np.zeros(8, dtype=np.int64), "y_pred": np.array([0, 1, 0, 1, 0, 0, 1, 0])})
    # one positive, found: TP + FP = TP + FN = 1 (a denominator test `> 1` shows)
    cases.append({"y_true": np.array([0, 0, 1, 0, 0, 0]), "y_pred": np.array([0, 0, 1, 0, 0, 0])})
    # TP = 1, FP = 3, FN = 1: precision 0.25 < recall 0.5, their sum under 1 (tests `tp - fp > 0`,
    # `precision - recall > 0` or `precision + recall > 1` instead of the stated conditions show)
    cases.append({"y_true": np.array([1, 0, 0, 1, 0, 0, 0, 0, 0]), "y_pred": np.array([1, 1, 1, 0, 1, 0, 0, 0, 0])})
    return cases


def _div(a, b, zero=0.0):
    return float(a / b) if b > 0 else zero


def _prf(t, y, positive=1, zero=0.0):
    pos_t, pos_y = t == positive, y == positive
    tp, fp, fn = np.sum(pos_t & pos_y), np.sum(~pos_t & pos_y), np.sum(pos_t & ~pos_y)
    p, r = _div(tp, tp + fp, zero), _div(tp, tp + fn, zero)
    return p, r, _div(2 * p * r, p + r, zero)


def _out(p, r, f):
    return {"precision": p, "recall": r, "f1": f}


def _expected(c) -> dict:
    return _out(*_prf(c["y_true"], c["y_pred"]))


def _run(learner, c) -> dict:
    p, r, f = learner.prf(c["y_true"], c["y_pred"])
    return _out(p, r, f)


def _swapped(c):
    p, r, f = _prf(c["y_true"], c["y_pred"])
    return _out(r, p, f)


def _arith(c):
    p, r, _ = _prf(c["y_true"], c["y_pred"])
    return _out(p, r, (p + r) / 2)


def _half(c):
    p, r, f = _prf(c["y_true"], c["y_pred"])
    return _out(p, r, f / 2)


def _acc(c):
    p, r, f = _prf(c["y_true"], c["y_pred"])
    return _out(float(np.mean(c["y_true"] == c["y_pred"])), r, f)


def _neg(c):
    return _out(*_prf(c["y_true"], c["y_pred"], positive=0))


def _int_zero(c):
    """The right values, but the integer 0 where a denominator is 0 (`else 0` instead of `else 0.0`)."""
    return _out(*_prf(c["y_true"], c["y_pred"], zero=0))


VARIANTS = (
    Variant(
        "int_zero",
        _int_zero,
        ja="値は合っていますが、分母が 0 のときに整数の 0 を返しています（`else 0`）。問題文はこのとき 0.0、"
        "戻り値はどれも float と決めているので、`else 0.0` と書いてください。",
        en="the values are right, but a zero denominator returns the integer 0 (`else 0`); the statement defines "
        "that value as 0.0 and every returned value as a float, so write `else 0.0`.",
    ),
    Variant(
        "swapped_p",
        lambda c: {"precision": _swapped(c)["precision"]},
        ja="precision と recall が入れ替わっています。precision = TP / (TP + FP)（陽性と予測したうち本当に陽性の割合）、"
        "recall = TP / (TP + FN)（本当の陽性のうち陽性と予測できた割合）です。",
        en="precision and recall are swapped: precision = TP / (TP + FP) (of the predicted positives, the share "
        "that are positive), recall = TP / (TP + FN) (of the true positives, the share predicted positive).",
    ),
    Variant(
        "swapped_r",
        lambda c: {"recall": _swapped(c)["recall"]},
        ja="recall に precision の値が入っています。recall = TP / (TP + FN) です。",
        en="recall holds precision's value: recall = TP / (TP + FN).",
    ),
    Variant(
        "accuracy",
        lambda c: {"precision": _acc(c)["precision"]},
        ja="precision に正解率（accuracy）を入れています。precision = TP / (TP + FP) です。",
        en="precision holds the accuracy: precision = TP / (TP + FP).",
    ),
    Variant(
        "negative_class",
        lambda c: {"precision": _neg(c)["precision"]},
        ja="0 を陽性として数えています。この問題では 1 が陽性です。",
        en="you counted 0 as the positive class; here 1 is positive.",
    ),
    Variant(
        "f1_arithmetic",
        lambda c: {"f1": _arith(c)["f1"]},
        ja="F1 を precision と recall の算術平均 (P + R)/2 にしています。F1 は調和平均 2PR / (P + R) です。",
        en="F1 is the arithmetic mean (P + R)/2 here; F1 is the harmonic mean 2PR / (P + R).",
    ),
    Variant(
        "f1_half",
        lambda c: {"f1": _half(c)["f1"]},
        ja="F1 が半分です。調和平均は 2PR / (P + R)（係数 2 が要ります）。",
        en="F1 is half the right value: the harmonic mean is 2PR / (P + R) (the factor 2 is needed).",
    ),
)

CHECKS = {"prf": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS)}
