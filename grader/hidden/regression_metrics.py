"""Hidden tests for `regression_metrics`: RMSE, MAE and R² per output column (axis 0), floats for 1-D input.

metrics: two 1-D and two 2-D (N, D) cases with N != D, errors of both signs (a signed MAE shows), a few
large outliers (RMSE and MAE far apart) and one case whose predictions are worse than the mean (R² < 0).
constant_target: columns whose y_true is constant, once with exact and once with inexact predictions
(r2 = 1.0 and 0.0 by the stated convention), beside ordinary columns, in 2-D and 1-D.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases


def _metric_inputs(rng) -> list[dict]:
    cases = []
    for shape, noise, outliers in (((13,), 0.4, 2), ((17, 3), 0.5, 3), ((9, 4), 0.3, 1), ((25,), 3.0, 0)):
        y = rng.normal(2.0, 1.5, size=shape)
        pred = y + rng.normal(0.0, noise, size=shape)
        flat = pred.reshape(-1)
        for i in rng.choice(flat.size, size=outliers, replace=False):
            flat[i] += rng.choice([-1.0, 1.0]) * rng.uniform(4.0, 7.0)
        cases.append({"y_true": y, "y_pred": flat.reshape(shape)})
    return cases


def _constant_inputs(rng) -> list[dict]:
    y = rng.normal(size=(6, 3))
    y[:, 1] = 2.5
    y[:, 2] = -1.25
    pred = y + rng.normal(0.0, 0.3, size=(6, 3))
    pred[:, 1] = 2.5  # constant target, exact predictions: r2 = 1.0
    # column 2: constant target, inexact predictions: r2 = 0.0
    y2 = rng.normal(size=(5, 2))
    y2[:, 0] = 0.75
    pred2 = y2 + rng.normal(0.0, 0.2, size=(5, 2))
    pred2[:, 0] = 0.75
    y3 = np.full(7, 3.0)
    pred3 = y3 + rng.normal(0.0, 0.5, size=7)
    return [{"y_true": y, "y_pred": pred}, {"y_true": y2, "y_pred": pred2}, {"y_true": y3, "y_pred": pred3}]


def _ref(
    c,
    *,
    sqrt=True,
    mean=True,
    absolute=True,
    axis=0,
    center="true",
    ddof=False,
    constant="convention",
):
    y, p = c["y_true"], c["y_pred"]
    err = p - y
    reduce = np.mean if mean else np.sum
    mse = reduce(err**2, axis=axis)
    rmse = np.sqrt(mse) if sqrt else mse
    mae = reduce(np.abs(err) if absolute else err, axis=axis)
    ss_res = np.sum(err**2, axis=axis)
    if center == "true":
        ss_tot = np.sum((y - np.mean(y, axis=axis)) ** 2, axis=axis)
    elif center == "pred":
        ss_tot = np.sum((y - np.mean(p, axis=axis)) ** 2, axis=axis)
    elif center == "swapped":
        ss_res = np.sum(err**2, axis=axis)
        ss_tot = np.sum((p - np.mean(p, axis=axis)) ** 2, axis=axis)
    else:  # no centring: Σ y²
        ss_tot = np.sum(y**2, axis=axis)
    n = y.shape[0] if axis == 0 else y.size
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (ss_res / n) / (ss_tot / (n - 1)) if ddof else ss_res / ss_tot
        r2 = 1.0 - ratio
    const = ss_tot == 0
    if constant == "convention":
        r2 = np.where(const, np.where(ss_res == 0, 1.0, 0.0), r2)
    elif constant == "zero":
        r2 = np.where(const, 0.0, r2)
    elif constant == "one":
        r2 = np.where(const, 1.0, r2)
    # constant == "nan": leave 1 - x/0 as it comes out (nan or -inf)
    out = {"rmse": rmse, "mae": mae, "r2": r2}
    if y.ndim == 1 or axis is None:
        return {k: float(v) for k, v in out.items()}
    return {k: np.asarray(v, dtype=np.float64) for k, v in out.items()}


def _run(learner, c) -> dict:
    rmse, mae, r2 = learner.regression_metrics(c["y_true"], c["y_pred"])
    return {"rmse": rmse, "mae": mae, "r2": r2}


def V_(name, ja, en, keys=None, **kw):
    def fn(c):
        out = _ref(c, **kw)
        return out if keys is None else {k: out[k] for k in keys}

    return Variant(name, fn, ja=ja, en=en)


METRIC_VARIANTS = (
    V_(
        "no_sqrt",
        keys=("rmse",),
        sqrt=False,
        ja="rmse が平均二乗誤差（MSE）のままです。RMSE は MSE の平方根 np.sqrt(np.mean(err**2, axis=0)) です。",
        en="rmse is still the mean squared error (MSE): RMSE is its square root, np.sqrt(np.mean(err**2, axis=0)).",
    ),
    V_(
        "rmse_sum",
        keys=("rmse",),
        mean=False,
        ja="rmse で、2 乗誤差を平均せずに合計しています。N で割る（np.mean）のを忘れないでください。",
        en="rmse sums the squared errors instead of averaging them: divide by N (np.mean).",
    ),
    V_(
        "mae_sum",
        keys=("mae",),
        mean=False,
        ja="mae で、絶対誤差を平均せずに合計しています。np.mean(np.abs(err), axis=0) です。",
        en="mae sums the absolute errors instead of averaging them: np.mean(np.abs(err), axis=0).",
    ),
    V_(
        "mae_signed",
        keys=("mae",),
        absolute=False,
        ja="mae で誤差の絶対値を取っていません。正と負の誤差が打ち消し合います: np.mean(np.abs(err), axis=0)。",
        en="mae does not take the absolute value of the errors, so positive and negative errors cancel: "
        "np.mean(np.abs(err), axis=0).",
    ),
    V_(
        "all_axes",
        axis=None,
        ja="2 次元の入力で、すべての要素をまとめて 1 つの値にしています。出力の列ごとに、軸 0（サンプルの軸）で"
        "集計して (D,) の配列を返します（axis=0）。",
        en="with 2-D input you reduced every element to a single value: reduce over axis 0 (the samples), one "
        "value per output column, and return arrays of shape (D,) (axis=0).",
    ),
    V_(
        "r2_pred_mean",
        keys=("r2",),
        center="pred",
        ja="R² の分母で、y_pred の平均を引いています。分母は正解の散らばり Σ(y − ȳ)² で、ȳ は y_true の平均です。",
        en="the denominator of R² subtracts the mean of y_pred; it is the spread of the targets, Σ(y − ȳ)², with ȳ "
        "the mean of y_true.",
    ),
    V_(
        "r2_swapped",
        keys=("r2",),
        center="swapped",
        ja="R² の分母が予測の散らばり Σ(ŷ − mean(ŷ))² になっています（引数の y_true と y_pred を取り違えていませんか）。"
        "分母は正解の散らばり Σ(y − ȳ)² です。",
        en="the denominator of R² is the spread of the predictions, Σ(ŷ − mean(ŷ))² (are y_true and y_pred "
        "swapped?); it is the spread of the targets, Σ(y − ȳ)².",
    ),
    V_(
        "r2_uncentred",
        keys=("r2",),
        center="none",
        ja="R² の分母が Σy² です（平均を引いていません）。分母は Σ(y − ȳ)² です。",
        en="the denominator of R² is Σy² (the mean is not subtracted); it is Σ(y − ȳ)².",
    ),
    V_(
        "r2_ddof",
        keys=("r2",),
        ddof=True,
        ja="R² で、残差を N で、正解の分散を N − 1 で割っています（np.var(..., ddof=1) など）。"
        "両方とも同じもので割る（あるいは割らずに Σ どうしの比にする）と R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² です。",
        en="R² divides the residuals by N but the targets' variance by N − 1 (np.var(..., ddof=1) or the like); "
        "with the same divisor on both (or plain sums) R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)².",
    ),
)

CONSTANT_VARIANTS = (
    V_(
        "constant_nan",
        keys=("r2",),
        constant="nan",
        ja="y_true が定数の列で 0 で割っています（nan や -inf になります）。問題文の約束どおり、予測が完全に一致すれば 1.0、"
        "そうでなければ 0.0 を返します。",
        en="a column with constant y_true divides by 0 (giving nan or -inf); as the statement defines, return 1.0 "
        "when its predictions are exact and 0.0 otherwise.",
    ),
    V_(
        "constant_zero",
        keys=("r2",),
        constant="zero",
        ja="y_true が定数の列をいつも 0.0 にしています。予測が完全に一致する列は 1.0 です。",
        en="a column with constant y_true always gets 0.0; when its predictions are exact it gets 1.0.",
    ),
    V_(
        "constant_one",
        keys=("r2",),
        constant="one",
        ja="y_true が定数の列をいつも 1.0 にしています。予測が一致しない列は 0.0 です。",
        en="a column with constant y_true always gets 1.0; when its predictions are not exact it gets 0.0.",
    ),
)

CHECKS = {
    "metrics": Cases(inputs=_metric_inputs, run=_run, expected=lambda c: _ref(c), variants=METRIC_VARIANTS),
    "constant_target": Cases(inputs=_constant_inputs, run=_run, expected=lambda c: _ref(c), variants=CONSTANT_VARIANTS),
}
