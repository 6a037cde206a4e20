"""Hidden tests for `bias_variance_decomp` (function bias_variance): squared bias and variance of M models' predictions.

Three settings (M, N) = (7, 12), (20, 5), (4, 9): the models share a systematic error that changes sign across
the points (so the squared mean bias and the mean squared bias differ) plus model-to-model noise of a size that
differs from point to point (so the variance across models and across points differ).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SETTINGS = ((7, 12), (20, 5), (4, 9))


def _inputs(rng) -> list[dict]:
    cases = []
    for m, n in SETTINGS:
        x = np.linspace(-1.0, 1.0, n)
        f = np.sin(2.5 * x) + 0.3 * x
        shift = 0.4 * np.cos(3.0 * x) + rng.normal(0.0, 0.1, size=n)  # the average model's error, both signs
        spread = rng.uniform(0.1, 0.8, size=n)
        preds = f + shift + spread * rng.normal(size=(m, n))
        cases.append({"preds": preds, "f_true": f})
    return cases


def _ref(c, *, bias="mean_sq", var="models", ddof=0):
    p, f = c["preds"], c["f_true"]
    mean_pred = p.mean(axis=0)
    if bias == "mean_sq":
        b = np.mean((mean_pred - f) ** 2)
    elif bias == "sq_mean":
        b = np.mean(mean_pred - f) ** 2
    else:  # the mean absolute bias
        b = np.mean(np.abs(mean_pred - f))
    if var == "models":
        v = np.mean(np.var(p, axis=0, ddof=ddof))
    elif var == "points":
        v = np.mean(np.var(p, axis=1))
    elif var == "around_f":
        v = np.mean((p - f) ** 2)
    else:  # the mean standard deviation
        v = np.mean(np.std(p, axis=0))
    return {"bias2": float(b), "variance": float(v)}


def _run(learner, c) -> dict:
    b, v = learner.bias_variance(c["preds"], c["f_true"])
    return {"bias2": b, "variance": v}


def V_(name, key, ja, en, **kw):
    return Variant(name, lambda c: {key: _ref(c, **kw)[key]}, ja=ja, en=en)


VARIANTS = (
    V_(
        "squared_mean_bias",
        "bias2",
        bias="sq_mean",
        ja="bias2 で、点ごとのずれ (平均の予測 − f) を N 点で平均してから 2 乗しています。正負のずれが打ち消し合います。"
        "点ごとに 2 乗してから平均します: mean((p̄ − f)²)。",
        en="bias2 averages the per-point offsets (average prediction − f) over the N points before squaring, so "
        "positive and negative offsets cancel; square per point, then average: mean((p̄ − f)²).",
    ),
    V_(
        "absolute_bias",
        "bias2",
        bias="abs",
        ja="bias2 がずれの絶対値の平均です。2 乗の平均 mean((p̄ − f)²) にします。",
        en="bias2 is the mean absolute offset; take the mean of squares, mean((p̄ − f)²).",
    ),
    V_(
        "variance_ddof",
        "variance",
        ddof=1,
        ja="variance で M − 1 で割っています（np.var(..., ddof=1) など）。問題文どおり M で割ります（ddof=0）。",
        en="variance divides by M − 1 (np.var(..., ddof=1) or the like); as stated, divide by M (ddof=0).",
    ),
    V_(
        "variance_over_points",
        "variance",
        var="points",
        ja="variance を、モデルごとに N 点にわたる予測の分散として求めています（軸 1）。バリアンスは同じ点での M 個のモデルの"
        "予測のばらつきなので、軸 0 について分散を取り、N 点で平均します。",
        en="variance is each model's spread of predictions over the N points (axis 1); the variance is the spread "
        "of the M models' predictions at the same point, so take it over axis 0 and average over the points.",
    ),
    V_(
        "variance_around_truth",
        "variance",
        var="around_f",
        ja="variance で、真の値 f からのずれの 2 乗を平均しています。それは平均二乗誤差（= bias2 + variance）です。"
        "平均の予測 p̄ からのずれで測ります。",
        en="variance averages the squared offsets from the true value f: that is the mean squared error (= bias2 + "
        "variance); measure the offsets from the average prediction p̄.",
    ),
    V_(
        "standard_deviation",
        "variance",
        var="std",
        ja="variance が標準偏差の平均になっています（平方根を取っています）。分散（2 乗の平均）のままにします。",
        en="variance is the mean standard deviation (a square root is taken); keep the variance, a mean of squares.",
    ),
)

CHECKS = {"decomposition": Cases(inputs=_inputs, run=_run, expected=lambda c: _ref(c), variants=VARIANTS)}
