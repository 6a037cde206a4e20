"""Hidden tests for `logreg_grad`: mean binary cross entropy of p = sigmoid(X w + b).

dw = X.T (p − y) / N, db = Σ (p − y) / N. b lives in the case as "_b" of shape (1,) (the wire turns
0-d arrays into (1,) ones) and reaches the learner as a float. N ≠ D everywhere; both labels occur.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden import _regression

SHAPES = ((6, 3), (5, 8), (10, 2))


def _sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def _inputs(rng) -> list[dict]:
    cases = []
    for n, d in SHAPES:
        y = (np.arange(n) % 2).astype(np.float64)
        rng.shuffle(y)
        cases.append(
            {"X": rng.normal(size=(n, d)), "y": y, "w": rng.normal(size=d) * 0.8, "_b": np.array([rng.normal() * 0.5])}
        )
    return cases


def _p(c):
    return _sigmoid(c["X"] @ c["w"] + float(c["_b"][0]))


def _grads(c, g):
    return {"dw": c["X"].T @ g, "db": float(np.sum(g))}


def _expected(c) -> dict:
    return _grads(c, (_p(c) - c["y"]) / c["X"].shape[0])


_run = partial(_regression.run, "logreg_grad")
_grad_run = partial(_regression.grad_run, "logreg_grad")


def _loss(c) -> float:
    p, y = _p(c), c["y"]
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def _twice(c):
    p = _p(c)
    return _grads(c, (p - c["y"]) * p * (1 - p) / c["X"].shape[0])


SIGN = dict(
    ja="{x} の符号が逆です。∂L/∂a（a = X @ w + b）は p − y です（y − p ではありません）。"
    "y − p は −L（対数尤度）の勾配で、勾配降下法で使うと損失が増えます。",
    en="{x} has the wrong sign: ∂L/∂a (a = X @ w + b) is p − y, not y − p. y − p is the gradient of −L "
    "(the log-likelihood); gradient descent with it makes the loss grow.",
)
TWICE = dict(
    ja="{x} に sigmoid の微分 p(1 − p) が余分に掛かっています。交差エントロピーの微分 "
    "−y/p + (1 − y)/(1 − p) に p(1 − p) を掛けると、ちょうど p − y になります。"
    "p − y にさらに p(1 − p) を掛けてはいけません。",
    en="{x} has an extra factor p(1 − p), the sigmoid's derivative: the cross entropy's derivative "
    "−y/p + (1 − y)/(1 − p) times p(1 − p) is exactly p − y. Do not multiply p − y by p(1 − p) again.",
)
MEAN = dict(
    ja="{x} が正解の N 倍です。損失はサンプルの平均なので (p − y) を N で割ります。",
    en="{x} is N times the right value: the loss is a mean over the samples, so divide (p − y) by N.",
)


def _v(name, key, f, msg):
    return Variant(name, lambda c: {key: f(c)[key]}, ja=msg["ja"].format(x=key), en=msg["en"].format(x=key))


VARIANTS = (
    _v("dw_sign", "dw", lambda c: {k: -v for k, v in _expected(c).items()}, SIGN),
    _v("dw_sigmoid_twice", "dw", _twice, TWICE),
    _v("dw_no_mean", "dw", lambda c: {k: v * c["X"].shape[0] for k, v in _expected(c).items()}, MEAN),
    _v("db_sign", "db", lambda c: {k: -v for k, v in _expected(c).items()}, SIGN),
    _v("db_sigmoid_twice", "db", _twice, TWICE),
    _v("db_no_mean", "db", lambda c: {k: v * c["X"].shape[0] for k, v in _expected(c).items()}, MEAN),
    Variant(
        "db_vector",
        lambda c: {"db": (_p(c) - c["y"]) / c["X"].shape[0]},
        ja="db がサンプルごとの配列のままです。b はすべてのサンプルに足されるスカラーなので、合計します。",
        en="db is still one value per sample: b is one scalar added to every sample, so sum over the samples.",
    ),
)

CHECKS = {
    "grad": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS),
    "gradcheck": GradCheck(inputs=_inputs, run=_grad_run, loss=_loss, wrt={"dw": "w", "db": "_b"}),
}
