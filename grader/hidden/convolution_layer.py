"""Hidden tests for `convolution_layer` (book 1 Convolution(W, b, stride=1, pad=0)).

out[n, f, y, x] = Σ_{c,i,j} xpad[n, c, y*s+i, x*s+j] W[f, c, i, j] + b[f]; backward(dout) sets
dW (FN, C, FH, FW), db (FN,) and returns dx (N, C, H, W). The reference is a direct loop (grader/hidden/_cnn.py).
All sizes differ (N, C, FN, H, W, FH, FW), strides 1 and 2, pads 0 and 1.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden import _cnn

# (x shape, W shape, stride, pad)
SPECS = (
    ((2, 3, 5, 6), (4, 3, 3, 2), 1, 0),  # out (2, 4, 3, 5)
    ((3, 2, 7, 5), (5, 2, 3, 3), 2, 1),  # out (3, 5, 4, 3)
    ((2, 4, 4, 6), (3, 4, 2, 3), 1, 1),
)  # out (2, 3, 5, 6)


def _inputs(rng) -> list[dict]:
    cases = []
    for xs, ws, s, p in SPECS:
        oh, ow = _cnn.out_size(xs[2], ws[2], s, p), _cnn.out_size(xs[3], ws[3], s, p)
        cases.append(
            {
                "x": rng.normal(size=xs),
                "W": rng.normal(size=ws),
                "b": rng.normal(size=ws[0]),
                "stride": s,
                "pad": p,
                "dout": rng.normal(size=(xs[0], ws[0], oh, ow)),
            }
        )
    return cases


def _conv(case):
    return _cnn.conv(case["x"], case["W"], case["b"], case["stride"], case["pad"])


def _grads(case, dout2=None):
    """(dx, dW, db) from dout as a (N*oh*ow, FN) matrix whose rows are (n, y, x)."""
    x, W, s, p = case["x"], case["W"], case["stride"], case["pad"]
    FN, C, FH, FW = W.shape
    if dout2 is None:
        dout2 = case["dout"].transpose(0, 2, 3, 1).reshape(-1, FN)
    col = _cnn.im2col(x, FH, FW, s, p)
    dW = (dout2.T @ col).reshape(W.shape)
    dx = _cnn.col2im(dout2 @ W.reshape(FN, -1), x.shape, FH, FW, s, p)
    return dx, dW, dout2.sum(axis=0)


def _forward_expected(case) -> dict:
    return {"out": _conv(case)}


def _expected(case) -> dict:
    dx, dW, db = _grads(case)
    return {"out": _conv(case), "dx": dx, "dW": dW, "db": db}


def _forward_run(learner, case) -> dict:
    layer = learner.Convolution(case["W"], case["b"], stride=case["stride"], pad=case["pad"])
    return {"out": layer.forward(case["x"])}


def _run(learner, case) -> dict:
    layer = learner.Convolution(case["W"], case["b"], stride=case["stride"], pad=case["pad"])
    out = layer.forward(case["x"])
    dx = layer.backward(case["dout"])
    return {"out": out, "dx": dx, "dW": getattr(layer, "dW", None), "db": getattr(layer, "db", None)}


def _grad_run(learner, case) -> dict:
    r = _run(learner, case)
    return {"dx": r["dx"], "dW": r["dW"], "db": r["db"]}


def _loss(case) -> float:
    return float(np.sum(_conv(case) * case["dout"]))


def _out_no_transpose(case):
    out = _conv(case)
    return {"out": out.transpose(0, 2, 3, 1).reshape(out.shape)}


def _dout_no_transpose(case):
    dx, dW, db = _grads(case, dout2=case["dout"].reshape(-1, case["W"].shape[0]))
    return {"dx": dx, "dW": dW, "db": db}


def _dW_no_transpose(case):
    W = case["W"]
    FN = W.shape[0]
    dout2 = case["dout"].transpose(0, 2, 3, 1).reshape(-1, FN)
    col = _cnn.im2col(case["x"], W.shape[2], W.shape[3], case["stride"], case["pad"])
    return {"dW": (col.T @ dout2).reshape(W.shape)}


OUT_RESHAPE = dict(
    ja="out の値は合っていますが並びが崩れています。col @ col_W + b の行は (n, y, x)、列はフィルタ f なので、"
    "まず reshape(N, out_h, out_w, FN) とし、transpose(0, 3, 1, 2) で (N, FN, out_h, out_w) にします。"
    "いきなり reshape(N, FN, out_h, out_w) としてはいけません。",
    en="out has the right numbers in the wrong places. The rows of col @ col_W + b are (n, y, x) and its "
    "columns the filters f, so reshape(N, out_h, out_w, FN) first, then transpose(0, 3, 1, 2) to "
    "(N, FN, out_h, out_w). A direct reshape(N, FN, out_h, out_w) scrambles them.",
)

FWD_VARIANTS = (Variant("out_no_transpose", _out_no_transpose, **OUT_RESHAPE),)

VARIANTS = FWD_VARIANTS + (
    Variant(
        "dout_no_transpose",
        _dout_no_transpose,
        ja="dout を transpose せずに reshape(-1, FN) しています。dout は (N, FN, out_h, out_w) なので、"
        "im2col の行 (n, y, x) とそろえるには dout.transpose(0, 2, 3, 1).reshape(-1, FN) とします。",
        en="dout is reshaped to (-1, FN) without a transpose. dout is (N, FN, out_h, out_w): to line its rows "
        "up with im2col's rows (n, y, x), use dout.transpose(0, 2, 3, 1).reshape(-1, FN).",
    ),
    Variant(
        "dW_no_transpose",
        _dW_no_transpose,
        ja="dW の並びが崩れています。col.T @ dout は (C*FH*FW, FN) なので、そのまま reshape(FN, C, FH, FW) "
        "はできません。先に転置して (FN, C*FH*FW) にしてから reshape します（dout.T @ col でも同じ）。",
        en="dW is scrambled: col.T @ dout is (C*FH*FW, FN), which cannot be reshaped to (FN, C, FH, FW) "
        "directly. Transpose it to (FN, C*FH*FW) first (or compute dout.T @ col), then reshape.",
    ),
    Variant(
        "db_spatial",
        lambda c: {"db": c["dout"].sum(axis=0)},
        ja="db が (FN, out_h, out_w) のままです。b[f] は出力チャンネル f のすべての位置 (n, y, x) に足されるので、"
        "バッチと空間の軸をすべて合計します: dout.sum(axis=(0, 2, 3))（形状 (FN,)）。",
        en="db is still (FN, out_h, out_w): b[f] is added at every position (n, y, x) of channel f, so sum "
        "over the batch and both spatial axes: dout.sum(axis=(0, 2, 3)), shape (FN,).",
    ),
    Variant(
        "db_spatial_mean",
        lambda c: {"db": c["dout"].sum(axis=(0, 2, 3)) / (c["dout"].shape[2] * c["dout"].shape[3])},
        ja="db が空間の位置について平均になっています。b[f] はすべての位置に足されるので合計です: "
        "dout.sum(axis=(0, 2, 3))。",
        en="db averages over the spatial positions: b[f] is added at every position, so sum: dout.sum(axis=(0, 2, 3)).",
    ),
)

CHECKS = {
    "forward": Cases(inputs=_inputs, run=_forward_run, expected=_forward_expected, variants=FWD_VARIANTS),
    "backward": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS),
    "gradcheck": GradCheck(inputs=_inputs, run=_grad_run, loss=_loss, wrt={"dx": "x", "dW": "W", "db": "b"}),
}


# ---- one object over four training calls -----------------------------------------------------
# As in training, one Convolution sees every mini-batch and the optimizer updates W and b IN PLACE
# between calls (book 1's SGD: params[key] -= lr * grads[key] on the arrays the layer holds). Call k
# gets N_k; calls 2 and 3 share N (a cache kept while the shape matches shows), calls 1, 2, 4 differ.
# (x shape without N, W shape, stride, pad, N of the 4 calls). Both specs need the floor in
# out_h / out_w ((7 + 2 - 4) / 2 and (6 + 2 - 3) / 2; (9 - 2) / 2 and (7 - 4) / 2), and within a
# call N, C, FN, H, W, FH, FW all differ.
REUSE_SPECS = (
    ((2, 7, 6), (5, 2, 4, 3), 2, 1, (8, 9, 9, 10)),  # out_h 3, out_w 3
    ((3, 9, 7), (6, 3, 2, 4), 2, 0, (8, 10, 10, 11)),  # out_h 4, out_w 2
)
REUSE_CALLS = (1, 2, 3, 4)


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for (c, h, w), ws, s, p, ns in REUSE_SPECS:
        oh, ow = _cnn.out_size(h, ws[2], s, p), _cnn.out_size(w, ws[3], s, p)
        case: dict = {"stride": s, "pad": p}
        for k, n in zip(REUSE_CALLS, ns):
            case[f"W{k}"] = rng.normal(size=ws)  # the weights the layer holds during call k
            case[f"b{k}"] = rng.normal(size=ws[0])
            case[f"x{k}"] = rng.normal(size=(n, c, h, w))
            case[f"dout{k}"] = rng.normal(size=(n, ws[0], oh, ow))
        cases.append(case)
    return cases


def _call(case, k):
    """Call k of the reuse check as a single-call case."""
    return {
        "x": case[f"x{k}"],
        "W": case[f"W{k}"],
        "b": case[f"b{k}"],
        "stride": case["stride"],
        "pad": case["pad"],
        "dout": case[f"dout{k}"],
    }


def _reuse_outputs(case, accumulate=(), col_kept=False) -> dict:
    """Every call's out, dx, dW, db; the state mistakes: `accumulate` names the gradients added up
    over calls (dW, db), `col_kept` keeps im2col(x) while x's shape is the same as the previous call's.
    (A col_W = W.reshape(FN, -1).T made once is a view of W and sees the in-place updates: no mistake.)"""
    want: dict = {}
    total = {"dW": 0.0, "db": 0.0}
    previous_x = None
    for k in REUSE_CALLS:
        call = _call(case, k)
        x_used = call["x"]
        if col_kept and previous_x is not None and previous_x.shape == x_used.shape:
            x_used = previous_x
        previous_x = x_used
        conv = dict(call, x=x_used)
        dx, dW, db = _grads(conv)
        out = _conv(conv)
        got = {"dW": dW, "db": db}
        for name in ("dW", "db"):
            total[name] = total[name] + got[name]
            if name in accumulate:
                got[name] = total[name]
        want.update({f"out{k}": out, f"dx{k}": dx, f"dW{k}": got["dW"], f"db{k}": got["db"]})
    return want


def _reuse_run(learner, case) -> dict:
    W, b = case["W1"].copy(), case["b1"].copy()
    layer = learner.Convolution(W, b, stride=case["stride"], pad=case["pad"])
    outputs = {}
    for k in REUSE_CALLS:
        W[...] = case[f"W{k}"]  # the optimizer's in-place update between calls
        b[...] = case[f"b{k}"]
        outputs[f"out{k}"] = layer.forward(case[f"x{k}"])
        outputs[f"dx{k}"] = layer.backward(case[f"dout{k}"])
        for name in ("dW", "db"):  # copied: a later call may write into the same array
            value = getattr(layer, name, None)
            outputs[f"{name}{k}"] = value.copy() if isinstance(value, np.ndarray) else value
    return outputs


ACCUMULATED = dict(
    ja="dW・db が呼び出しのたびに足し込まれています（self.dW += ...）。backward は毎回そのバッチの勾配を "
    "self.dW = ...、self.db = ... と新しく代入します（前のバッチの勾配は最適化器がもう使い終えています）。",
    en="dW and db are added up over calls (self.dW += ...). Every backward assigns the gradient of its own "
    "batch: self.dW = ..., self.db = ... (the optimizer has already used the previous batch's).",
)

REUSE_VARIANTS = (
    Variant("dW_db_accumulated", lambda c: _reuse_outputs(c, accumulate=("dW", "db")), **ACCUMULATED),
    Variant("dW_accumulated", lambda c: _reuse_outputs(c, accumulate=("dW",)), **ACCUMULATED),
    Variant("db_accumulated", lambda c: _reuse_outputs(c, accumulate=("db",)), **ACCUMULATED),
    Variant(
        "col_kept",
        lambda c: _reuse_outputs(c, col_kept=True),
        ja="x の形が前回と同じとき、前回の im2col の結果（self.col）を使い回しています。入力のバッチは毎回違うので、"
        "forward のたびに self.col = im2col(x, ...) を計算し直し、self.x も更新します。",
        en="when x has the same shape as last time, the previous im2col result (self.col) is reused. Every "
        "batch is new: each forward recomputes self.col = im2col(x, ...) and updates self.x.",
    ),
)

CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_outputs, variants=REUSE_VARIANTS)
