"""Hidden tests for `linreg_grad`: L = (1/N) Σ (X w + b − y)², dw = (2/N) X.T r, db = (2/N) Σ r.

b is kept in the case as "_b", a float64 array of shape (1,) (so the gradcheck can perturb it; the
wire turns 0-d arrays into (1,) ones), and handed to the learner as a Python float. N, D differ in every case, so a transpose or a missing sum shows.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden import _regression

SHAPES = ((5, 3), (4, 7), (9, 2))


def _inputs(rng) -> list[dict]:
    cases = []
    for n, d in SHAPES:
        cases.append(
            {
                "X": rng.normal(size=(n, d)),
                "y": rng.normal(size=n) * 2.0,
                "w": rng.normal(size=d),
                "_b": np.array([rng.normal()]),
            }
        )
    return cases


def _resid(c):
    return c["X"] @ c["w"] + float(c["_b"][0]) - c["y"]


def _expected(c) -> dict:
    n = c["X"].shape[0]
    r = _resid(c)
    return {"dw": 2.0 / n * (c["X"].T @ r), "db": float(2.0 / n * np.sum(r))}


_run = partial(_regression.run, "linreg_grad")
_grad_run = partial(_regression.grad_run, "linreg_grad")


def _loss(c) -> float:
    return float(np.mean(_resid(c) ** 2))


VARIANTS = (
    Variant(
        "dw_no_2",
        lambda c: {"dw": _expected(c)["dw"] / 2},
        ja="dw が正解のちょうど半分です。(ŷ − y)² の微分は 2(ŷ − y) なので係数 2 が要ります"
        "（損失に 1/2 が付いていないため、2 は消えません）。",
        en="dw is exactly half the right value: the derivative of (ŷ − y)² is 2(ŷ − y), so the factor 2 "
        "stays (this loss has no 1/2 to cancel it).",
    ),
    Variant(
        "dw_no_mean",
        lambda c: {"dw": _expected(c)["dw"] * c["X"].shape[0]},
        ja="dw が正解の N 倍です。損失はサンプルの平均 (1/N) Σ なので、勾配も N で割ります。",
        en="dw is N times the right value: the loss is a mean (1/N) Σ over the samples, so the "
        "gradient is divided by N too.",
    ),
    Variant(
        "dw_sign",
        lambda c: {"dw": -_expected(c)["dw"]},
        ja="dw の符号が逆です。残差は r = ŷ − y = X @ w + b − y（y − ŷ ではありません）。"
        "y − ŷ を使うなら全体にマイナスを付けます。",
        en="dw has the wrong sign: the residual is r = ŷ − y = X @ w + b − y (not y − ŷ); with y − ŷ "
        "you need an overall minus.",
    ),
    Variant(
        "dw_no_2_no_mean",
        lambda c: {"dw": _expected(c)["dw"] * c["X"].shape[0] / 2},
        ja="dw が正解の N/2 倍です。係数 2 と平均の 1/N の両方が抜けています: dw = (2/N) X.T @ r。",
        en="dw is N/2 times the right value: both the factor 2 and the mean's 1/N are missing: dw = (2/N) X.T @ r.",
    ),
    Variant(
        "db_no_2",
        lambda c: {"db": _expected(c)["db"] / 2},
        ja="db が正解の半分です。db = (2/N) Σ r（係数 2 が要ります）。",
        en="db is half the right value: db = (2/N) Σ r (the factor 2 is needed).",
    ),
    Variant(
        "db_no_mean",
        lambda c: {"db": _expected(c)["db"] * c["X"].shape[0]},
        ja="db が正解の N 倍です。b はすべてのサンプルに足されるので Σ r ですが、損失の平均 1/N も掛けます。",
        en="db is N times the right value: b is added to every sample, so it is Σ r, but the mean's 1/N still applies.",
    ),
    Variant(
        "db_sign",
        lambda c: {"db": -_expected(c)["db"]},
        ja="db の符号が逆です。残差は r = X @ w + b − y です。",
        en="db has the wrong sign: the residual is r = X @ w + b − y.",
    ),
    Variant(
        "db_vector",
        lambda c: {"db": 2.0 / c["X"].shape[0] * _resid(c)},
        ja="db がサンプルごとの配列のままです。b は 1 つのスカラーなので、すべてのサンプルについて合計します。",
        en="db is still one value per sample: b is a single scalar, so sum over all samples.",
    ),
)

CHECKS = {
    "grad": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS),
    "gradcheck": GradCheck(inputs=_inputs, run=_grad_run, loss=_loss, wrt={"dw": "w", "db": "_b"}),
}
