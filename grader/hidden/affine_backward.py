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
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from
from grader.hidden._reuse import snapshot as _snapshot

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


# ---- one object, three calls (as in training) ---------------------------------------------------
# (x shapes of the three forward/backward calls on ONE Affine, M): the second call has the first's
# shape (state kept while the shape matches shows), the third another batch size; D stays fixed
# because W does.
REUSE_SPECS = (
    (((4, 6), (4, 6), (7, 6)), 5),
    (((3, 2, 4), (3, 2, 4), (5, 2, 4)), 6),
    (((2, 3, 2, 2), (2, 3, 2, 2), (4, 3, 2, 2)), 5),
)


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for shapes, m in REUSE_SPECS:
        d = int(np.prod(shapes[0][1:]))
        case: dict = {"W": rng.normal(size=(d, m)), "b": rng.normal(size=m)}
        for k, shape in zip(CALLS, shapes):
            case[f"x{k}"] = rng.normal(size=shape)
            case[f"dout{k}"] = rng.normal(size=(shape[0], m))
        cases.append(case)
    return cases


def _reuse_run(learner, case) -> dict:
    layer = learner.Affine(case["W"], case["b"])
    result = {}
    for k in CALLS:
        result[f"out{k}"] = _snapshot(layer.forward(case[f"x{k}"]))
        result[f"dx{k}"] = _snapshot(layer.backward(case[f"dout{k}"]))
        result[f"dW{k}"] = _snapshot(getattr(layer, "dW", None))
        result[f"db{k}"] = _snapshot(getattr(layer, "db", None))
    return result


def _reuse_expected(case, mode="right") -> dict:
    """Every call's outputs; `mode` gives a known state mistake: 'accumulated' (dW, db summed over
    the calls), 'first_only' (dW, db computed on the first backward and kept), 'stale_x' (self.x
    kept while the shape matches)."""
    W, b = case["W"], case["b"]
    result: dict = {}
    dW_sum, db_sum = np.zeros_like(W), np.zeros_like(b)
    for k, j in zip(CALLS, _kept_from(case)):
        x, dout = case[f"x{k}"], case[f"dout{k}"]
        x_used = case[f"x{j}"] if mode == "stale_x" else x
        dW = x_used.reshape(x_used.shape[0], -1).T @ dout
        db = dout.sum(axis=0)
        dW_sum, db_sum = dW_sum + dW, db_sum + db
        if mode == "accumulated":
            dW, db = dW_sum, db_sum
        if mode == "first_only" and k > 1:
            dW, db = result["dW1"], result["db1"]
        result.update(
            {f"out{k}": _ref_affine(x, W, b), f"dx{k}": (dout @ W.T).reshape(x.shape), f"dW{k}": dW, f"db{k}": db}
        )
    return result


REUSE_VARIANTS = (
    Variant(
        "dW_accumulated",
        lambda c: _reuse_expected(c, "accumulated"),
        ja="dW と db が呼び出しのたびに足し込まれています（self.dW += ...）。学習では 1 つの Affine に"
        "ミニバッチが次々に渡されるので、backward は今回の dout だけから self.dW = self.x.T @ dout、"
        "self.db = np.sum(dout, axis=0) を計算して上書きします。",
        en="dW and db are added up over the calls (self.dW += ...). In training one Affine object sees every "
        "mini-batch, so each backward overwrites them from this call's dout alone: "
        "self.dW = self.x.T @ dout, self.db = np.sum(dout, axis=0).",
    ),
    Variant(
        "dW_first_only",
        lambda c: _reuse_expected(c, "first_only"),
        ja="dW と db が最初の backward の値のままです（self.dW が None のときだけ計算している）。backward は"
        "呼ぶたびに今回の self.x と dout から self.dW と self.db を計算し直します。",
        en="dW and db keep the values of the first backward (they are computed only while self.dW is None): "
        "every backward recomputes self.dW and self.db from this call's self.x and dout.",
    ),
    Variant(
        "stale_x",
        lambda c: _reuse_expected(c, "stale_x"),
        ja="dW が前の呼び出しの x で計算されています（self.x が最初の forward の x のまま）。forward は呼ぶたびに"
        "平らにした今回の x を self.x に、その形状を self.original_x_shape に保存し直します。",
        en="dW is computed with the x of an earlier call (self.x still holds the first forward's x): every "
        "forward saves this call's flattened x in self.x and its shape in self.original_x_shape.",
    ),
)

CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected, variants=REUSE_VARIANTS)
