"""Hidden tests for `affine_backward` (book 1 Affine): x of any ndim >= 2 flattened to (N, D).

out = x.reshape(N, -1) @ W + b; backward(dout) sets dW = x.T @ dout, db = Σ_n dout and returns
dx = dout @ W.T in x's original shape. The stub gives forward, so forward's output is checked
together with backward (a check of forward alone would pass for the untouched stub).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

# x shape, M. N, D, M all differ in every case, so a transpose or a missing sum shows.
SHAPES = (((3, 4), 5), ((4, 2, 3), 7), ((3, 2, 3, 2), 5))


def _inputs(rng) -> list[dict]:
    cases = []
    for x_shape, m in SHAPES:
        n, d = x_shape[0], int(np.prod(x_shape[1:]))
        cases.append(
            {
                "x": rng.normal(size=x_shape),
                "W": rng.normal(size=(d, m)),
                "b": rng.normal(size=m),
                "dout": rng.normal(size=(n, m)),
            }
        )
    return cases


def _flat(case):
    return case["x"].reshape(case["x"].shape[0], -1)


def _ref_affine(x, W, b):
    return x.reshape(x.shape[0], -1) @ W + b


def _expected(case) -> dict:
    x2, dout, W = _flat(case), case["dout"], case["W"]
    return {
        "out": _ref_affine(case["x"], W, case["b"]),
        "dx": (dout @ W.T).reshape(case["x"].shape),
        "dW": x2.T @ dout,
        "db": dout.sum(axis=0),
    }


def _run(learner, case) -> dict:
    layer = learner.Affine(case["W"], case["b"])
    out = layer.forward(case["x"])
    dx = layer.backward(case["dout"])
    return {"out": out, "dx": dx, "dW": getattr(layer, "dW", None), "db": getattr(layer, "db", None)}


def _grad_run(learner, case) -> dict:
    result = _run(learner, case)
    return {"dx": result["dx"], "dW": result["dW"], "db": result["db"]}


def _loss(case) -> float:
    return float(np.sum(_ref_affine(case["x"], case["W"], case["b"]) * case["dout"]))


DB_SUM = dict(
    ja="db はバッチの軸（axis=0）について dout を合計したものです: self.db = np.sum(dout, axis=0)（形状 (M,)）。"
    "b は N 個のすべての行に足されるので、N 行分の勾配が b に集まります。",
    en="db must sum dout over the batch axis (axis=0): self.db = np.sum(dout, axis=0), shape (M,). b is added "
    "to all N rows, so the gradients of all N rows add up in b.",
)

VARIANTS = (
    Variant(
        "dx_not_reshaped",
        lambda c: {"dx": c["dout"] @ c["W"].T},
        ja="dx の値は合っていますが、平らにした (N, D) の形のままです。dx.reshape(*self.original_x_shape) で"
        "元の x の形状に戻して返してください。",
        en="dx has the right values but the flattened (N, D) shape: return "
        "dx.reshape(*self.original_x_shape), in the original shape of x.",
    ),
    Variant(
        "dW_transposed",
        lambda c: {"dW": c["dout"].T @ _flat(c)},
        ja="dW の値は合っていますが転置されています（形状 (M, D)）。W は (D, M) なので "
        "self.dW = self.x.T @ dout です。",
        en="dW has the right values but transposed (shape (M, D)): W is (D, M), so use self.dW = self.x.T @ dout.",
    ),
    Variant("db_first_row", lambda c: {"db": c["dout"][0]}, **DB_SUM),
    Variant("db_no_sum", lambda c: {"db": c["dout"]}, **DB_SUM),
    Variant(
        "db_axis1",
        lambda c: {"db": c["dout"].sum(axis=1)},
        ja="db を axis=1 で合計しています（形状 (N,)）。b は (M,) なので、バッチの軸 axis=0 で合計します: "
        "self.db = np.sum(dout, axis=0)。",
        en="db sums over axis=1 (shape (N,)): b is (M,), so sum over the batch axis, axis=0: "
        "self.db = np.sum(dout, axis=0).",
    ),
    Variant(
        "db_mean",
        lambda c: {"db": c["dout"].mean(axis=0)},
        ja="db がバッチの平均になっています（N 分の 1）。合計です: self.db = np.sum(dout, axis=0)。"
        "バッチ数で割るのは損失関数（SoftmaxWithLoss など）の役目で、dout にはもう入っています。",
        en="db is the mean over the batch (1/N too small): use the sum, self.db = np.sum(dout, axis=0). "
        "Dividing by the batch size is the loss layer's job (e.g. SoftmaxWithLoss) and is already in dout.",
    ),
)

CHECKS = {
    "backward": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS),
    "gradcheck": GradCheck(inputs=_inputs, run=_grad_run, loss=_loss, wrt={"dx": "x", "dW": "W", "db": "b"}),
}
