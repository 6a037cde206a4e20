"""Hidden tests for `global_average_pooling`: the layer (N, C, H, W) -> (N, C) and its backward pass.

out[n, c] = mean over (h, w) of x[n, c, h, w]; dx[n, c, h, w] = dout[n, c] / (H·W). Every case has N ≥ 2,
C ≠ N, H ≠ W and N·H·W ≠ H·W, so that the sum, a mean over the channels, the maximum, a kept (N, C, 1, 1) shape,
a backward without the 1/(H·W) or with an extra 1/N, and max pooling's routing to the argmax each give other
values. dx must be writable (book 1's Relu.backward writes into its dout), so a bare np.broadcast_to view fails.
One object is reused over three calls whose batch and spatial sizes change.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import snapshot as _snapshot

SHAPES = ((2, 3, 4, 5), (3, 4, 3, 2), (4, 2, 5, 3))


def _inputs(rng) -> list[dict]:
    return [{"x": rng.normal(size=s), "dout": rng.normal(size=s[:2])} for s in SHAPES]


def _gap(x):
    return x.mean(axis=(2, 3))


def _dx(x, dout, form="right"):
    N, C, H, W = x.shape
    if form == "argmax":  # max pooling's routing: all of dout[n, c] to the channel's largest value
        flat = x.reshape(N, C, H * W)
        dx = np.zeros_like(flat)
        np.put_along_axis(dx, flat.argmax(axis=2)[:, :, None], dout[:, :, None], axis=2)
        return dx.reshape(x.shape)
    scale = {"no_division": 1.0, "batch_too": 1.0 / (N * H * W)}.get(form, 1.0 / (H * W))
    return np.broadcast_to(dout[:, :, None, None] * scale, x.shape).copy()


def _run_forward(learner, case) -> dict:
    return {"out": learner.GlobalAveragePooling().forward(case["x"])}


def _run_backward(learner, case) -> dict:
    layer = learner.GlobalAveragePooling()
    layer.forward(case["x"])
    dx = layer.backward(case["dout"])
    # book 1's Relu.backward writes into the dout it receives (dout[self.mask] = 0): dx must be writable
    writable = isinstance(dx, np.ndarray) and dx.flags.writeable
    return {"dx": dx, "writable": bool(writable)}


def _run_gradient(learner, case) -> dict:
    layer = learner.GlobalAveragePooling()
    layer.forward(case["x"])
    return {"dx": layer.backward(case["dout"])}


FORWARD_VARIANTS = (
    Variant(
        "sum",
        lambda c: {"out": c["x"].sum(axis=(2, 3))},
        ja="和を返しています。GAP は平均なので、H×W 個の和を H·W で割ります（x.mean(axis=(2, 3))）。",
        en="this returns the sum: GAP is a mean, so divide the H×W values' sum by H·W (x.mean(axis=(2, 3))).",
    ),
    Variant(
        "channel_mean",
        lambda c: {"out": c["x"].mean(axis=1)},
        ja="チャンネル方向（axis=1）に平均しています。GAP はチャンネルごとに高さと幅の方向（axis=(2, 3)）で平均し、(N, C) を返します。",
        en="this averages across the channels (axis=1): GAP averages each channel over its height and width "
        "(axis=(2, 3)) and returns (N, C).",
    ),
    Variant(
        "max",
        lambda c: {"out": c["x"].max(axis=(2, 3))},
        ja="最大値を取っています（Global Max Pooling）。GAP は各チャンネルの全位置の平均です。",
        en="this takes the maximum (global max pooling): GAP is the mean over each channel's positions.",
    ),
    Variant(
        "keepdims",
        lambda c: {"out": _gap(c["x"])[:, :, None, None]},
        ja="形が (N, C, 1, 1) のままです（PyTorch の nn.AdaptiveAvgPool2d(1) の出力の形）。この層は全結合層に渡せるよう (N, C) を返します。",
        en="the shape is left as (N, C, 1, 1) (the output of PyTorch's nn.AdaptiveAvgPool2d(1)): this layer returns "
        "(N, C), ready for a fully connected layer.",
    ),
)

BACKWARD_VARIANTS = (
    Variant(
        "read_only",
        lambda c: {"writable": False},
        ja="dx が書き込めない配列です（np.broadcast_to の結果をそのまま返しているなど）。1 巻の Relu.backward は受け取った "
        "dout に書き込む（dout[self.mask] = 0）ので、前の層がこの dx に書き込めるよう、.copy() した普通の配列を返します。",
        en="dx is a read-only array (np.broadcast_to's result returned as it is, for instance): book 1's Relu.backward "
        "writes into the dout it receives (dout[self.mask] = 0), so return an ordinary array (.copy() it) that the layer "
        "before can write into.",
    ),
    Variant(
        "no_division",
        lambda c: {"dx": _dx(c["x"], c["dout"], "no_division")},
        ja="dout をそのまま H×W 個の位置に広げています。out は H·W 個の平均なので、各位置への偏微分は 1/(H·W) です。",
        en="dout is spread over the H×W positions as it is: out is a mean of H·W values, so each position's "
        "derivative is 1/(H·W).",
    ),
    Variant(
        "batch_too",
        lambda c: {"dx": _dx(c["x"], c["dout"], "batch_too")},
        ja="バッチの大きさ N でも割っています。各 out[n, c] は 1 つのサンプルの H·W 個の平均なので、割るのは H·W だけです"
        "（バッチの平均は損失の側で済んでいます）。",
        en="this also divides by the batch size N: each out[n, c] is a mean over one sample's H·W values, so divide "
        "by H·W only (the batch average belongs to the loss).",
    ),
    Variant(
        "argmax",
        lambda c: {"dx": _dx(c["x"], c["dout"], "argmax")},
        ja="Max pooling の逆伝播（最大値の位置だけに勾配を流す）になっています。平均はすべての位置に等しく依存するので、"
        "dout[n, c]/(H·W) を全位置に配ります。",
        en="this is max pooling's backward (gradient to the maximum only): a mean depends on every position equally, "
        "so every position gets dout[n, c]/(H·W).",
    ),
)

CHECKS = {
    "forward": Cases(
        inputs=_inputs, run=_run_forward, expected=lambda c: {"out": _gap(c["x"])}, variants=FORWARD_VARIANTS
    ),
    "backward": Cases(
        inputs=_inputs,
        run=_run_backward,
        expected=lambda c: {"dx": _dx(c["x"], c["dout"]), "writable": True},
        variants=BACKWARD_VARIANTS,
    ),
    "gradcheck": GradCheck(
        inputs=_inputs, run=_run_gradient, loss=lambda c: float(np.sum(_gap(c["x"]) * c["dout"])), wrt={"dx": "x"}
    ),
}


# ---- one object, three calls (as in training) ---------------------------------------------------
# The second call has the first one's shape; the third changes the batch and the spatial size, so a shape
# (or H·W) kept from the first call shows.
REUSE_SHAPES = (
    ((2, 3, 4, 5), (2, 3, 4, 5), (4, 3, 2, 6)),
    ((3, 2, 5, 3), (3, 2, 5, 3), (4, 2, 3, 4)),
    ((2, 4, 3, 2), (2, 4, 3, 2), (3, 4, 6, 5)),
)


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for shapes in REUSE_SHAPES:
        case: dict = {}
        for k, shape in zip(CALLS, shapes):
            case[f"x{k}"] = rng.normal(size=shape)
            case[f"dout{k}"] = rng.normal(size=shape[:2])
        cases.append(case)
    return cases


def _reuse_run(learner, case) -> dict:
    layer = learner.GlobalAveragePooling()
    result = {}
    for k in CALLS:
        result[f"out{k}"] = _snapshot(layer.forward(case[f"x{k}"]))
        result[f"dx{k}"] = _snapshot(layer.backward(case[f"dout{k}"]))
    return result


def _reuse_expected(case) -> dict:
    result = {}
    for k in CALLS:
        result[f"out{k}"] = _gap(case[f"x{k}"])
        result[f"dx{k}"] = _dx(case[f"x{k}"], case[f"dout{k}"])
    return result


CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected)
