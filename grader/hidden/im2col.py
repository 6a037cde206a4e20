"""Hidden tests for `im2col` (book 1, chapter 7): (N, C, H, W) -> (N*out_h*out_w, C*filter_h*filter_w).

Rows (n, out_y, out_x), columns (c, filter_y, filter_x), zero padding on every side. Inputs are
non-square (H != W, filter_h != filter_w in most cases), C > 1, N > 1; stride 1 and 2, pad 0 and 1.
"""

from __future__ import annotations

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.hidden import _cnn

# (x shape, filter_h, filter_w, stride, pad); every size divides evenly
BASIC = (
    ((2, 3, 5, 4), 2, 3, 1, 0),  # out 4 x 2
    ((3, 2, 7, 5), 3, 3, 2, 0),  # out 3 x 2
    ((2, 2, 4, 7), 2, 3, 2, 0),
)  # out 2 x 3
PADDED = (
    ((2, 3, 4, 6), 3, 3, 1, 1),  # out 4 x 6
    ((2, 2, 6, 5), 2, 3, 2, 1),  # out 4 x 3
    ((3, 2, 3, 5), 2, 2, 1, 1),
)  # out 4 x 6


def _make(spec):
    def inputs(rng) -> list[dict]:
        return [
            {"input_data": rng.normal(size=shape), "filter_h": fh, "filter_w": fw, "stride": s, "pad": p}
            for shape, fh, fw, s, p in spec
        ]

    return inputs


def _args(case):
    return case["input_data"], case["filter_h"], case["filter_w"], case["stride"], case["pad"]


def _expected(case) -> dict:
    return {"col": _cnn.im2col(*_args(case))}


def _run(learner, case) -> dict:
    return {
        "col": learner.im2col(
            case["input_data"], case["filter_h"], case["filter_w"], stride=case["stride"], pad=case["pad"]
        )
    }


def _sizes(case, plus=1):
    x, fh, fw, s, p = _args(case)
    return ((x.shape[2] + 2 * p - fh) // s + plus, (x.shape[3] + 2 * p - fw) // s + plus)


def _rows_batch_last(case):
    col = _cnn.im2col(*_args(case))
    oh, ow = _sizes(case)
    n = case["input_data"].shape[0]
    return {"col": col.reshape(n, oh, ow, -1).transpose(1, 2, 0, 3).reshape(col.shape)}


VARIANTS = (
    Variant(
        "channel_last",
        lambda c: {"col": _cnn.im2col(*_args(c), order="yxc")},
        ja="列の並びが (フィルタ内の y, フィルタ内の x, c) になっています（チャンネルが最後）。本書の列は "
        "(c, y, x) の順、つまり窓 (C, filter_h, filter_w) をそのまま平らにした順です。"
        "Convolution が W.reshape(FN, -1) と掛け合わせるので、この順でないと重みと合いません。",
        en="the columns are ordered (filter y, filter x, c), channel last. Book 1 orders them (c, y, x): "
        "the window (C, filter_h, filter_w) flattened as it is. Convolution multiplies them with "
        "W.reshape(FN, -1), so any other order no longer matches the weights.",
    ),
    Variant(
        "rows_batch_last",
        _rows_batch_last,
        ja="行の並びが (出力の y, 出力の x, n) になっています。本書の行は (n, y, x) の順で、"
        "1 枚目の画像の窓がすべて並んでから 2 枚目の画像の窓が続きます。",
        en="the rows are ordered (output y, output x, n). Book 1 orders them (n, y, x): all windows "
        "of image 0 first, then those of image 1, and so on.",
    ),
    Variant(
        "no_pad",
        lambda c: {"col": _cnn.im2col(*_args(c), use_pad=False)},
        ja="パディングを入れていません。np.pad で高さと幅の両側に pad 個ずつ 0 を詰めてから窓を取り出し、"
        "出力サイズも H + 2*pad から計算します。",
        en="the padding is missing: pad pad zeros on both sides of height and width (np.pad) before "
        "taking windows, and compute the output size from H + 2*pad.",
    ),
    Variant(
        "no_plus_one",
        lambda c: {"col": _cnn.im2col(*_args(c), out_hw=_sizes(c, plus=0))},
        ja="出力サイズの + 1 が抜けていて、行（窓）が足りません。out_h = (H + 2*pad - filter_h) // stride + 1 です。",
        en="the + 1 of the output size is missing, so windows (rows) are missing: "
        "out_h = (H + 2*pad - filter_h) // stride + 1.",
    ),
    Variant(
        "stride_ignored",
        lambda c: {"col": _cnn.im2col(c["input_data"], c["filter_h"], c["filter_w"], 1, c["pad"], out_hw=_sizes(c))},
        ja="出力サイズは合っていますが、窓を 1 つずつずらして取り出しています。窓の左上は stride おき"
        "（y * stride, x * stride）です。",
        en="the output size is right but the windows move by 1: window (y, x) starts at (y * stride, x * stride).",
    ),
)

CHECKS = {
    "no_padding": Cases(inputs=_make(BASIC), run=_run, expected=_expected, variants=VARIANTS),
    "padding": Cases(inputs=_make(PADDED), run=_run, expected=_expected, variants=VARIANTS),
}
