"""Hidden tests for `pooling_layer` (book 1 Pooling(pool_h, pool_w, stride=1, pad=0), max pooling).

Inputs are a shuffled grid of well-separated values (gaps >= 0.04): no ties inside a window, and
the numerical derivative (h = 1e-4) never moves a maximum. One case has overlapping windows
(stride 1) where a position can be the maximum of several windows: its gradients add up. pad = 0.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden import _cnn

# (x shape, pool_h, pool_w, stride)
SPECS = (
    ((2, 3, 4, 6), 2, 2, 2),  # out (2, 3, 2, 3), the usual 2x2 stride 2
    ((3, 2, 5, 4), 3, 2, 1),  # out (3, 2, 3, 3), overlapping windows
    ((2, 4, 6, 8), 2, 3, 1),
)  # out (2, 4, 5, 6), overlapping windows


def _inputs(rng) -> list[dict]:
    cases = []
    for shape, ph, pw, s in SPECS:
        size = int(np.prod(shape))
        x = (rng.permutation(size) - size / 2 + 0.3) * 0.05 + rng.uniform(0, 0.01, size=size)
        oh, ow = _cnn.out_size(shape[2], ph, s, 0), _cnn.out_size(shape[3], pw, s, 0)
        cases.append(
            {
                "x": x.reshape(shape),
                "pool_h": ph,
                "pool_w": pw,
                "stride": s,
                "dout": rng.normal(size=(shape[0], shape[1], oh, ow)),
            }
        )
    return cases


def _pool(case, reduce=np.max):
    return _cnn.maxpool(case["x"], case["pool_h"], case["pool_w"], case["stride"], 0, reduce)


def _back(case, spread=None, dout=None):
    return _cnn.maxpool_backward(
        case["x"], case["dout"] if dout is None else dout, case["pool_h"], case["pool_w"], case["stride"], spread
    )


def _forward_expected(case) -> dict:
    return {"out": _pool(case)}


def _expected(case) -> dict:
    return {"out": _pool(case), "dx": _back(case)}


def _layer(learner, case):
    return learner.Pooling(case["pool_h"], case["pool_w"], stride=case["stride"], pad=0)


def _forward_run(learner, case) -> dict:
    return {"out": _layer(learner, case).forward(case["x"])}


def _run(learner, case) -> dict:
    layer = _layer(learner, case)
    out = layer.forward(case["x"])
    return {"out": out, "dx": layer.backward(case["dout"])}


def _grad_run(learner, case) -> dict:
    return {"dx": _run(learner, case)["dx"]}


def _loss(case) -> float:
    return float(np.sum(_pool(case) * case["dout"]))


def _out_no_transpose(case):
    out = _pool(case)
    return {"out": out.transpose(0, 2, 3, 1).reshape(out.shape)}


def _dout_no_transpose(case):
    N, C, oh, ow = case["dout"].shape
    return {"dx": _back(case, dout=case["dout"].reshape(N, oh, ow, C).transpose(0, 3, 1, 2))}


FWD_VARIANTS = (
    Variant(
        "average",
        lambda c: {"out": _pool(c, np.mean)},
        ja="窓の平均を取っています（平均値プーリング）。この問題は最大値プーリングです: 各窓の最大値を出力します。",
        en="this takes each window's mean (average pooling); the problem is max pooling: output each window's maximum.",
    ),
    Variant(
        "out_no_transpose",
        _out_no_transpose,
        ja="out の値は合っていますが並びが崩れています。im2col の結果を reshape(-1, pool_h*pool_w) した行は "
        "(n, y, x, c) の順なので、最大値を reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2) で "
        "(N, C, out_h, out_w) にします。",
        en="out has the right numbers in the wrong places. After reshape(-1, pool_h*pool_w), the rows of "
        "im2col's result are ordered (n, y, x, c), so reshape the maxima to (N, out_h, out_w, C) and "
        "transpose(0, 3, 1, 2) to (N, C, out_h, out_w).",
    ),
)

VARIANTS = FWD_VARIANTS + (
    Variant(
        "spread_all",
        lambda c: {"dx": _back(c, "all")},
        ja="dout を窓のすべての位置に渡しています。max の逆伝播では、最大値だった位置だけが勾配 dout を受け取り、"
        "他の位置の勾配は 0 です（ReLU のマスクと同じ考え方）。",
        en="dout is passed to every position of the window. The backward pass of max sends dout to the "
        "position of the maximum only; every other position gets 0 (the same idea as ReLU's mask).",
    ),
    Variant(
        "spread_mean",
        lambda c: {"dx": _back(c, "mean")},
        ja="dout を窓の大きさで割って全位置に配っています（平均値プーリングの逆伝播）。最大値プーリングでは、"
        "最大値の位置だけに dout をそのまま渡します。",
        en="dout is divided by the window size and spread over the window (average pooling's backward). "
        "Max pooling passes dout unchanged to the maximum's position only.",
    ),
    Variant(
        "ones",
        lambda c: {"dx": _back(c, "ones")},
        ja="最大値の位置に 1 を置いただけで、dout を掛けていません。dx には dout の値そのものを入れます。",
        en="the maximum's position gets 1, not dout: put the value of dout there.",
    ),
    Variant(
        "assign",
        lambda c: {"dx": _back(c, "assign")},
        ja="窓が重なるとき、同じ位置が 2 つ以上の窓の最大値になることがあります。その位置には各窓の dout を"
        "足し合わせます（dx[...] += dout）。代入（=）では最後の窓の値しか残りません。",
        en="with overlapping windows one position can be the maximum of several windows: it gets the sum "
        "of their douts (dx[...] += dout). Assigning (=) keeps only the last window's value.",
    ),
    Variant(
        "dout_no_transpose",
        _dout_no_transpose,
        ja="dout を transpose せずに平らにしています。forward の行は (n, y, x, c) の順なので、"
        "dout.transpose(0, 2, 3, 1).flatten() としてから最大値の位置に入れます。",
        en="dout is flattened without a transpose. forward's rows are ordered (n, y, x, c), so use "
        "dout.transpose(0, 2, 3, 1).flatten() before putting it at the maxima.",
    ),
)

CHECKS = {
    "forward": Cases(inputs=_inputs, run=_forward_run, expected=_forward_expected, variants=FWD_VARIANTS),
    "backward": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS),
    "gradcheck": GradCheck(inputs=_inputs, run=_grad_run, loss=_loss, wrt={"dx": "x"}),
}


# ---- one object over four training calls -----------------------------------------------------
# As in training, one Pooling sees every mini-batch: call k gets N_k; calls 2 and 3 share N (a mask
# or argmax kept while the shape matches shows), calls 1, 2, 4 differ.
# ((C, H, W), pool_h, pool_w, stride, N of the 4 calls)
REUSE_SPECS = (
    ((3, 6, 4), 2, 2, 2, (2, 5, 5, 4)),  # out (N, 3, 3, 2)
    ((2, 5, 7), 3, 2, 1, (4, 3, 3, 6)),  # out (N, 2, 3, 6), overlapping windows
)
REUSE_CALLS = (1, 2, 3, 4)


def _grid(rng, shape):
    """Well-separated, shuffled values: no ties inside a window."""
    size = int(np.prod(shape))
    return ((rng.permutation(size) - size / 2 + 0.3) * 0.05 + rng.uniform(0, 0.01, size=size)).reshape(shape)


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for (c, h, w), ph, pw, s, ns in REUSE_SPECS:
        oh, ow = _cnn.out_size(h, ph, s, 0), _cnn.out_size(w, pw, s, 0)
        case: dict = {"pool_h": ph, "pool_w": pw, "stride": s}
        for k, n in zip(REUSE_CALLS, ns):
            case[f"x{k}"] = _grid(rng, (n, c, h, w))
            case[f"dout{k}"] = rng.normal(size=(n, c, oh, ow))
        cases.append(case)
    return cases


def _reuse_outputs(case, mask_kept=False) -> dict:
    """Every call's out and dx; `mask_kept`: the maxima's positions are found again only when x's
    shape changes, so backward places dout at the maxima of an earlier input of the same shape."""
    want: dict = {}
    kept = None
    for k in REUSE_CALLS:
        x = case[f"x{k}"]
        if not (mask_kept and kept is not None and kept.shape == x.shape):
            kept = x
        call = {"x": kept, "dout": case[f"dout{k}"], **{key: case[key] for key in ("pool_h", "pool_w", "stride")}}
        want[f"out{k}"] = _pool(dict(call, x=x))
        want[f"dx{k}"] = _back(call)
    return want


def _reuse_run(learner, case) -> dict:
    layer = _layer(learner, case)
    outputs = {}
    for k in REUSE_CALLS:
        outputs[f"out{k}"] = layer.forward(case[f"x{k}"])
        outputs[f"dx{k}"] = layer.backward(case[f"dout{k}"])
    return outputs


REUSE_VARIANTS = (
    Variant(
        "mask_kept",
        lambda c: _reuse_outputs(c, mask_kept=True),
        ja="x の形が前回と同じとき、前回の forward で求めた最大値の位置（arg_max やマスク）を使い回しています。"
        "入力のバッチは毎回違うので、forward のたびに最大値の位置を求め直して self に保存します"
        "（self.x も毎回更新します）。",
        en="when x has the same shape as last time, the maxima's positions (arg_max or the mask) of the previous "
        "forward are reused. Every batch is new: each forward finds the positions of the maxima again and "
        "saves them on self (and updates self.x too).",
    ),
)

CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_outputs, variants=REUSE_VARIANTS)
