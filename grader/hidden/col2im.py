"""Hidden tests for `col2im` (book 1, chapter 7): the reverse of im2col, adding overlapping windows.

col2im is the adjoint (transpose) of im2col: <im2col(x), c> = <x, col2im(c)> for every x and c.
So besides reference values, a gradcheck differentiates L(x) = Σ im2col_ref(x) * c numerically with
respect to x: the gradient is exactly col2im(c). Cases overlap (stride < filter) so that adding matters.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden import _cnn

# (input_shape, filter_h, filter_w, stride, pad)
SPECS = (
    ((2, 3, 5, 4), 2, 3, 1, 0),  # out 4 x 2, overlapping
    ((2, 2, 7, 5), 3, 3, 2, 0),  # out 3 x 2, overlapping by one row/column; col (12, 18)
    ((2, 3, 4, 6), 3, 3, 1, 1),  # out 4 x 6, padded
    ((2, 2, 6, 5), 2, 3, 2, 1),
)  # out 4 x 3, padded, stride 2


def _inputs(rng) -> list[dict]:
    cases = []
    for shape, fh, fw, s, p in SPECS:
        n, c, h, w = shape
        oh, ow = _cnn.out_size(h, fh, s, p), _cnn.out_size(w, fw, s, p)
        cases.append(
            {
                "col": rng.normal(size=(n * oh * ow, c * fh * fw)),
                "input_shape": shape,
                "filter_h": fh,
                "filter_w": fw,
                "stride": s,
                "pad": p,
                "x": rng.normal(size=shape),
            }
        )  # x: only the point of the gradcheck
    return cases


def _args(case):
    return case["col"], case["input_shape"], case["filter_h"], case["filter_w"], case["stride"], case["pad"]


def _expected(case) -> dict:
    return {"img": _cnn.col2im(*_args(case))}


def _run(learner, case) -> dict:
    return {
        "img": learner.col2im(
            case["col"], case["input_shape"], case["filter_h"], case["filter_w"], stride=case["stride"], pad=case["pad"]
        )
    }


def _grad_run(learner, case) -> dict:
    return {"dx": _run(learner, case)["img"]}


def _loss(case) -> float:
    """<im2col(x), col>: its gradient with respect to x is col2im(col)."""
    return float(
        np.sum(_cnn.im2col(case["x"], case["filter_h"], case["filter_w"], case["stride"], case["pad"]) * case["col"])
    )


OVERWRITE = dict(
    ja="窓を足し込まずに代入（=）しています。窓が重なる画素では、後から書いた窓の値だけが残ります。"
    "col2im は im2col の逆伝播なので、同じ画素を取り出したすべての窓の値を足し合わせます（+=）。",
    en="the windows are assigned (=), not added: where windows overlap, only the last one written "
    "survives. col2im is im2col's backward pass, so a pixel gets the sum of every window that "
    "contains it (+=).",
)

VARIANTS = (
    Variant("overwrite_out_loop", lambda c: {"img": _cnn.col2im(*_args(c), overwrite="out")}, **OVERWRITE),
    Variant("overwrite_filter_loop", lambda c: {"img": _cnn.col2im(*_args(c), overwrite="filter")}, **OVERWRITE),
    Variant(
        "padding_kept",
        lambda c: {"img": _cnn.col2im(*_args(c), crop=False)},
        ja="パディングを切り落としていません。最後に img[:, :, pad:pad + H, pad:pad + W] を返し、"
        "形状を (N, C, H, W) にします。",
        en="the padding is not cut off: return img[:, :, pad:pad + H, pad:pad + W], of shape (N, C, H, W).",
    ),
    Variant(
        "channel_last",
        lambda c: {"img": _cnn.col2im(*_args(c), order="yxc")},
        ja="列を (フィルタ内の y, フィルタ内の x, c) の順として戻しています。im2col の列は (c, y, x) の順なので、"
        "各行は (C, filter_h, filter_w) に reshape します。",
        en="the columns are read as (filter y, filter x, c): im2col's columns are (c, y, x), so each "
        "row reshapes to (C, filter_h, filter_w).",
    ),
)

CHECKS = {
    "values": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS),
    "adjoint": GradCheck(inputs=_inputs, run=_grad_run, loss=_loss, wrt={"dx": "x"}),
}
