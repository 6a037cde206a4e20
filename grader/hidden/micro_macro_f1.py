"""Hidden tests for `micro_macro_f1` (function f1_scores): per-class, macro and micro F1 over K classes.

Four label vectors of different lengths and K: one ordinary, one with a class never predicted (its precision
is 0/0 -> 0.0, its F1 0.0), one with a class in neither array (F1 0/0 -> 0.0, still counted in the macro
mean over all K), one with a class only predicted; every case has a class with exactly one TP.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SETTINGS = (  # N, K, a class never predicted, a class in neither array, a class only predicted
    (17, 3, None, None, None),
    (23, 4, 3, None, None),
    (30, 5, 2, 4, None),
    (26, 6, None, 5, 1),
)


def _counts(t, y, K):
    classes = np.arange(K)
    tt, pp = t[:, None] == classes, y[:, None] == classes
    return np.sum(tt & pp, axis=0), np.sum(~tt & pp, axis=0), np.sum(tt & ~pp, axis=0)


def _inputs(rng) -> list[dict]:
    cases = []
    for n, K, never_pred, neither, only_pred in SETTINGS:
        for _ in range(1000):
            labels = [k for k in range(K) if k not in (neither, only_pred)]
            t = rng.choice(labels, size=n)
            y = np.where(rng.random(n) < 0.35, rng.integers(0, K, size=n), t)
            y = np.where(np.isin(y, [never_pred, neither]), t, y)
            if never_pred is not None:
                y = np.where(y == never_pred, (never_pred + 1) % K, y)
            if neither is not None:
                y = np.where(y == neither, (neither + 2) % K, y)
            if only_pred is not None:
                y[rng.choice(n, size=2, replace=False)] = only_pred
            tp, fp, fn = _counts(t, y, K)
            ok = (
                (tp == 1).any()
                and (fp + fn > 0).sum() >= 2
                and (never_pred is None or (np.sum(y == never_pred) == 0 and np.sum(t == never_pred) > 0))
                and (neither is None or (np.sum(y == neither) == 0 and np.sum(t == neither) == 0))
                and (only_pred is None or (np.sum(t == only_pred) == 0 and np.sum(y == only_pred) > 0))
            )
            if ok:
                break
        else:
            raise RuntimeError("no draw for micro_macro_f1")
        cases.append({"y_true": t.astype(np.int64), "y_pred": y.astype(np.int64), "_K": K})
    return cases


def _div(a, b):
    return np.where(b > 0, a / np.where(b > 0, b, 1), 0.0)


def _ref(c, *, average="all", micro="sum", f1="harmonic", zero=0.0):
    t, y, K = c["y_true"], c["y_pred"], c["_K"]
    tp, fp, fn = _counts(t, y, K)
    prec, rec = _div(tp, tp + fp), _div(tp, tp + fn)
    if f1 == "harmonic":
        scores = _div(2 * prec * rec, prec + rec)
    else:  # arithmetic mean of precision and recall
        scores = (prec + rec) / 2
    if zero != 0.0:
        scores = np.where(tp + fp + fn == 0, zero, scores)
    if average == "all":
        macro = float(np.mean(scores))
    elif average == "present":
        macro = float(np.mean(scores[(tp + fp + fn) > 0]))
    elif average == "true":
        macro = float(np.mean(scores[(tp + fn) > 0]))
    else:  # harmonic mean of the macro precision and the macro recall
        mp, mr = np.mean(prec), np.mean(rec)
        macro = float(2 * mp * mr / (mp + mr))
    if micro == "sum":
        micro_f1 = float(2 * tp.sum() / (2 * tp.sum() + fp.sum() + fn.sum()))
    elif micro == "macro":
        micro_f1 = macro
    elif micro == "ovr_accuracy":  # the mean over classes of the one-vs-rest accuracy (TP + TN) / N
        n = len(t)
        micro_f1 = float(np.mean((n - fp - fn) / n))
    else:  # the support-weighted mean of the per-class F1
        support = tp + fn
        micro_f1 = float(np.sum(support * scores) / np.sum(support))
    return {"f1": scores.astype(np.float64), "macro_f1": macro, "micro_f1": micro_f1}


def _run(learner, c) -> dict:
    f1, macro, micro = learner.f1_scores(c["y_true"], c["y_pred"], c["_K"])
    return {"f1": f1, "macro_f1": macro, "micro_f1": micro}


def V_(name, ja, en, keys=None, **kw):
    def fn(c):
        out = _ref(c, **kw)
        return out if keys is None else {k: out[k] for k in keys}

    return Variant(name, fn, ja=ja, en=en)


VARIANTS = (
    V_(
        "f1_arithmetic",
        keys=("f1",),
        f1="arithmetic",
        ja="クラスごとの F1 を適合率と再現率の算術平均 (P + R)/2 にしています。F1 は調和平均 2PR/(P + R) = 2TP/(2TP + FP + FN) です。",
        en="the per-class F1 is the arithmetic mean (P + R)/2 of precision and recall; F1 is the harmonic mean "
        "2PR/(P + R) = 2TP/(2TP + FP + FN).",
    ),
    V_(
        "absent_class_one",
        keys=("f1",),
        zero=1.0,
        ja="正解にも予測にも現れないクラスの F1 を 1.0 にしています。問題文の約束（zero_division=0）では 0/0 は 0.0 です。",
        en="a class that appears in neither array gets F1 = 1.0; by the stated convention (zero_division=0), "
        "0/0 is 0.0.",
    ),
    V_(
        "macro_present_only",
        keys=("macro_f1",),
        average="present",
        ja="macro_f1 を、正解か予測に現れたクラスだけで平均しています。この問題では K クラスすべて（現れないクラスの F1 = 0.0 も含めて）"
        "で平均します（labels=range(K) を渡した scikit-learn と同じ）。",
        en="macro_f1 averages only the classes that appear in y_true or y_pred; here the mean runs over all K "
        "classes, absent ones included with F1 = 0.0 (as scikit-learn does given labels=range(K)).",
    ),
    V_(
        "macro_true_only",
        keys=("macro_f1",),
        average="true",
        ja="macro_f1 を、正解に現れたクラスだけで平均しています。K クラスすべてで平均します。",
        en="macro_f1 averages only the classes present in y_true; average over all K classes.",
    ),
    V_(
        "macro_of_pr",
        keys=("macro_f1",),
        average="pr",
        ja="macro_f1 をマクロ平均の適合率と再現率の調和平均にしています。ここでの定義はクラスごとの F1 の単純平均です。",
        en="macro_f1 is the harmonic mean of the macro precision and the macro recall; the definition here is the "
        "plain mean of the per-class F1 scores.",
    ),
    V_(
        "micro_is_macro",
        keys=("micro_f1",),
        micro="macro",
        ja="micro_f1 がマクロ平均と同じ値です。マイクロ平均は TP・FP・FN を全クラスで合計してから F1 を求め、"
        "各サンプルが 1 クラスの多クラス分類では正解率に等しくなります。",
        en="micro_f1 equals the macro average; the micro average sums TP, FP and FN over the classes first, which "
        "in single-label multi-class classification gives the accuracy.",
    ),
    V_(
        "micro_ovr_accuracy",
        keys=("micro_f1",),
        micro="ovr_accuracy",
        ja="micro_f1 が、クラスごとの 1 対他の正解率 (TP + TN)/N の平均になっています。TN は数えません: "
        "2ΣTP / (2ΣTP + ΣFP + ΣFN) で、これは正解率 ΣTP / N に等しくなります。",
        en="micro_f1 is the mean of the classes' one-vs-rest accuracies (TP + TN)/N; TN does not count: it is "
        "2ΣTP / (2ΣTP + ΣFP + ΣFN), which equals the accuracy ΣTP / N.",
    ),
    V_(
        "micro_weighted",
        keys=("micro_f1",),
        micro="weighted",
        ja="micro_f1 が、正解の件数で重みづけしたクラスごとの F1 の平均（average='weighted'）です。マイクロ平均は TP・FP・FN を"
        "合計してから F1 を求めます。",
        en="micro_f1 is the per-class F1 averaged with the true counts as weights (average='weighted'); the micro "
        "average sums TP, FP and FN first and then computes F1.",
    ),
)

CHECKS = {"f1": Cases(inputs=_inputs, run=_run, expected=lambda c: _ref(c), variants=VARIANTS)}
