"""Hidden tests for `residual_block`: a fully connected residual block in book 1's layer style.

out = ReLU(x + F(x)) with F(x) = ReLU(x @ W1 + b1) @ W2 + b2; backward(dout) sets dW1, db1, dW2, db2
and returns dx = (the residual path's gradient) + ds, where ds = dout * [x + F(x) > 0] is the
gradient at the sum (the skip path).

N, D and H differ in every case, so a transpose shows in the shape. Both pre-activations
(x @ W1 + b1 and x + F(x)) are drawn at least MARGIN away from 0 and take both signs, so no ReLU is
evaluated at its kink (the central difference h = 1e-4 moves them far less than MARGIN) and each
forgotten mask changes the values.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from
from grader.hidden._reuse import snapshot as _snapshot

MARGIN = 0.05
SHAPES = ((4, 3, 5), (6, 5, 2), (3, 7, 4))  # (N, D, H)
GRADS = ("dx", "dW1", "db1", "dW2", "db2")


def _params(rng, d, h) -> dict:
    return {
        "W1": rng.normal(size=(d, h)),
        "b1": rng.normal(size=h) * 0.5,
        "W2": rng.normal(size=(h, d)) * 0.8,
        "b2": rng.normal(size=d) * 0.5,
    }


def _pre(p, x):
    """The two pre-activations: h1 = x @ W1 + b1 and s = x + F(x)."""
    h1 = x @ p["W1"] + p["b1"]
    s = x + np.maximum(h1, 0.0) @ p["W2"] + p["b2"]
    return h1, s


def _clear(z) -> bool:
    return bool(np.min(np.abs(z)) >= MARGIN and np.any(z > 0) and np.any(z < 0))


def _draw_x(rng, p, n, d):
    """An x (n, d) whose pre-activations are clear of the kink and take both signs (None after many tries)."""
    for _ in range(500):
        x = rng.normal(size=(n, d))
        if all(_clear(z) for z in _pre(p, x)):
            return x
    return None


def _block(rng, n, d, h, batches=None) -> dict:
    """Parameters and one x per batch size in `batches` (default: one x of n rows) that all stay clear."""
    batches = batches or {"": n}
    while True:
        p = _params(rng, d, h)
        xs = {k: _draw_x(rng, p, m, d) for k, m in batches.items()}
        if all(x is not None for x in xs.values()):
            p.update({f"x{k}": x for k, x in xs.items()})
            return p


def _inputs(rng) -> list[dict]:
    cases = []
    for n, d, h in SHAPES:
        case = _block(rng, n, d, h)
        case["dout"] = rng.normal(size=(n, d))
        cases.append(case)
    return cases


def _forward(p, x):
    a1 = np.maximum(x @ p["W1"] + p["b1"], 0.0)
    out = np.maximum(x + a1 @ p["W2"] + p["b2"], 0.0)
    return a1, out


def _grads(p, x, dout, outer=True, inner=True, skip="ds", db="sum") -> dict:
    """The gradients, or a known wrong form of them: outer/inner False forget that ReLU's mask in
    backward, skip says what the skip path adds to dx ('ds' right, 'dout' taken after the ReLU,
    None forgotten), db 'sum' / 'mean' / 'none' (not summed over the batch)."""
    a1, out = _forward(p, x)
    ds = dout * (out > 0) if outer else dout
    dh1 = ds @ p["W2"].T
    if inner:
        dh1 = dh1 * (a1 > 0)
    dx = dh1 @ p["W1"].T
    if skip == "ds":
        dx = dx + ds
    elif skip == "dout":
        dx = dx + dout
    reduce = {"sum": lambda g: g.sum(axis=0), "mean": lambda g: g.mean(axis=0), "none": lambda g: g}[db]
    return {"dx": dx, "dW1": x.T @ dh1, "db1": reduce(dh1), "dW2": a1.T @ ds, "db2": reduce(ds)}


def _forward_expected(c) -> dict:
    return {"out": _forward(c, c["x"])[1]}


def _backward_expected(c) -> dict:
    return _grads(c, c["x"], c["dout"])


def _layer(learner, c):
    return learner.ResidualBlock(c["W1"], c["b1"], c["W2"], c["b2"])


def _run_forward(learner, c) -> dict:
    return {"out": _layer(learner, c).forward(c["x"])}


def _run_backward(learner, c) -> dict:
    layer = _layer(learner, c)
    layer.forward(c["x"])
    dx = layer.backward(c["dout"])
    return {"dx": dx, **{g: getattr(layer, g, None) for g in GRADS[1:]}}


def _loss(c) -> float:
    return float(np.sum(_forward(c, c["x"])[1] * c["dout"]))


def _out_with(c, skip=True, inner=True, final=True, relu_branch=False) -> dict:
    x = c["x"]
    h1 = x @ c["W1"] + c["b1"]
    f = (np.maximum(h1, 0.0) if inner else h1) @ c["W2"] + c["b2"]
    if relu_branch:
        return {"out": x + np.maximum(f, 0.0)}
    s = x + f if skip else f
    return {"out": np.maximum(s, 0.0) if final else s}


FORWARD_VARIANTS = (
    Variant(
        "no_skip",
        lambda c: _out_with(c, skip=False),
        ja="skip connection がありません（ReLU(F(x)) になっています）。残差ブロックは入力 x をそのまま F(x) に"
        "足してから ReLU を通します: out = ReLU(x + F(x))。",
        en="the skip connection is missing (this is ReLU(F(x))): a residual block adds the input x itself to F(x) "
        "and then applies the ReLU, out = ReLU(x + F(x)).",
    ),
    Variant(
        "no_final_relu",
        lambda c: _out_with(c, final=False),
        ja="和 x + F(x) のあとの ReLU が抜けています: out = ReLU(x + F(x))。",
        en="the ReLU after the sum x + F(x) is missing: out = ReLU(x + F(x)).",
    ),
    Variant(
        "relu_before_sum",
        lambda c: _out_with(c, relu_branch=True),
        ja="ReLU を F(x) にかけてから x を足しています（x + ReLU(F(x))）。この問題（元の ResNet の形）では、"
        "足したあとの和に ReLU をかけます: out = ReLU(x + F(x))。",
        en="the ReLU is applied to F(x) before x is added (x + ReLU(F(x))): in this problem (the original "
        "ResNet's form) the ReLU comes after the sum, out = ReLU(x + F(x)).",
    ),
    Variant(
        "no_inner_relu",
        lambda c: _out_with(c, inner=False),
        ja="1 つ目の Affine のあとの ReLU が抜けています: F(x) = ReLU(x @ W1 + b1) @ W2 + b2。",
        en="the ReLU after the first Affine is missing: F(x) = ReLU(x @ W1 + b1) @ W2 + b2.",
    ),
)

DB_SUM = dict(
    ja="db1・db2 はバッチの軸（axis=0）で合計します: self.db2 = ds.sum(axis=0)。b は N 個の行すべてに足されるので、"
    "N 行分の勾配が集まります（平均ではありません）。",
    en="db1 and db2 sum over the batch axis (axis=0): self.db2 = ds.sum(axis=0). b is added to all N rows, so the "
    "gradients of the N rows add up (a sum, not a mean).",
)

BACKWARD_VARIANTS = (
    Variant(
        "no_skip_grad",
        lambda c: {"dx": _grads(c, c["x"], c["dout"], skip=None)["dx"]},
        ja="dx に skip connection の経路の勾配が入っていません。順伝播で x は F(x) と和の両方に使われるので、"
        "dx は残差の経路の勾配 dh1 @ W1.T に、和での勾配 ds（最後の ReLU を通した dout）を足したものです。",
        en="dx lacks the skip connection's gradient: x is used both by F(x) and directly in the sum, so dx is the "
        "residual path's gradient dh1 @ W1.T plus the gradient at the sum, ds (dout through the last ReLU).",
    ),
    Variant(
        "skip_after_relu",
        lambda c: {"dx": _grads(c, c["x"], c["dout"], skip="dout")["dx"]},
        ja="skip の経路に dout をそのまま足しています。x は最後の ReLU の前で足されるので、skip の経路に流れるのも"
        "ReLU を通したあとの勾配 ds = dout * (out > 0) です: dx = dh1 @ W1.T + ds。",
        en="the skip path adds dout itself: x is added before the last ReLU, so the skip path also carries the "
        "gradient after that ReLU, ds = dout * (out > 0): dx = dh1 @ W1.T + ds.",
    ),
    Variant(
        "outer_relu_forgotten",
        lambda c: _grads(c, c["x"], c["dout"], outer=False),
        ja="backward で、和のあとの ReLU を通していません。まず ds = dout * (out > 0) とし、その ds を Affine2 と "
        "skip の経路の両方に流します。",
        en="backward skips the ReLU after the sum: first take ds = dout * (out > 0), then send that ds into both "
        "Affine2 and the skip path.",
    ),
    Variant(
        "inner_relu_forgotten",
        lambda c: _grads(c, c["x"], c["dout"], inner=False),
        ja="backward で、1 つ目の Affine のあとの ReLU を通していません: dh1 = (ds @ W2.T) * (a1 > 0)"
        "（a1 = ReLU(x @ W1 + b1)）。",
        en="backward skips the ReLU after the first Affine: dh1 = (ds @ W2.T) * (a1 > 0), with a1 = ReLU(x @ W1 + b1).",
    ),
    Variant("db_mean", lambda c: _grads(c, c["x"], c["dout"], db="mean"), **DB_SUM),
    Variant("db_not_summed", lambda c: _grads(c, c["x"], c["dout"], db="none"), **DB_SUM),
)

CHECKS = {
    "forward": Cases(inputs=_inputs, run=_run_forward, expected=_forward_expected, variants=FORWARD_VARIANTS),
    "backward": Cases(inputs=_inputs, run=_run_backward, expected=_backward_expected, variants=BACKWARD_VARIANTS),
    "gradcheck": GradCheck(
        inputs=_inputs,
        run=_run_backward,
        loss=_loss,
        wrt={"dx": "x", "dW1": "W1", "db1": "b1", "dW2": "W2", "db2": "b2"},
    ),
}


# ---- one object, three calls (as in training) ---------------------------------------------------
# (batch sizes of the three calls on ONE block, D, H): the second call has the first's batch size
# (state kept while the shape matches shows), the third another.
REUSE_SPECS = (((4, 4, 7), 3, 5), ((3, 3, 6), 5, 2), ((2, 2, 5), 4, 6))


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for ns, d, h in REUSE_SPECS:
        case = _block(rng, ns[0], d, h, batches={k: n for k, n in zip(CALLS, ns)})
        for k, n in zip(CALLS, ns):
            case[f"dout{k}"] = rng.normal(size=(n, d))
        cases.append(case)
    return cases


def _reuse_run(learner, c) -> dict:
    layer = _layer(learner, c)
    result = {}
    for k in CALLS:
        result[f"out{k}"] = _snapshot(layer.forward(c[f"x{k}"]))
        result[f"dx{k}"] = _snapshot(layer.backward(c[f"dout{k}"]))
        for g in GRADS[1:]:
            result[f"{g}{k}"] = _snapshot(getattr(layer, g, None))
    return result


def _reuse_expected(c, mode="right") -> dict:
    """Every call's outputs; `mode` 'stale' (backward uses what forward kept from an earlier call while
    the shape matched) or 'accumulated' (the parameter gradients summed over the calls)."""
    result: dict = {}
    total: dict = {}
    for k, j in zip(CALLS, _kept_from(c)):
        x = c[f"x{j}"] if mode == "stale" else c[f"x{k}"]
        grads = _grads(c, x, c[f"dout{k}"])
        for g in GRADS[1:]:
            total[g] = total.get(g, 0.0) + grads[g]
            if mode == "accumulated":
                grads[g] = total[g]
        result[f"out{k}"] = _forward(c, c[f"x{k}"])[1]
        result.update({f"{g}{k}": v for g, v in grads.items()})
    return result


REUSE_VARIANTS = (
    Variant(
        "stale_cache",
        lambda c: _reuse_expected(c, "stale"),
        ja="backward が前の呼び出しの forward で保存した値（x や ReLU の出力）を使っています。学習では 1 つの"
        "ブロックにミニバッチが次々に渡されるので、forward は呼ぶたびに今回の x と中間の値を保存し直します。",
        en="backward uses what an earlier forward kept (x or a ReLU's output): in training one block sees every "
        "mini-batch, so every forward saves this call's x and intermediate values again.",
    ),
    Variant(
        "grads_accumulated",
        lambda c: _reuse_expected(c, "accumulated"),
        ja="dW1・db1・dW2・db2 が呼び出しのたびに足し込まれています（self.dW1 += ...）。backward は今回の dout だけ"
        "から計算して上書きします（self.dW1 = ...）。",
        en="dW1, db1, dW2 and db2 are added up over the calls (self.dW1 += ...): each backward overwrites them with "
        "values computed from this call's dout alone (self.dW1 = ...).",
    ),
)

CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected, variants=REUSE_VARIANTS)
