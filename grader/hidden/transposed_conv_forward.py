"""Hidden tests for `transposed_conv_forward`: PyTorch's ConvTranspose2d forward (output_padding 0, dilation 1).

x (N, C, H, W), W (C, FN, FH, FW), b (FN,): every input pixel x[n, c, i, j] times W[c] is added into rows
i·S … i·S+FH−1 and columns j·S … j·S+FW−1 of an (N, FN, (H−1)S+FH, (W−1)S+FW) buffer, P rows and columns are
cut off every side, then b is added once per output pixel and channel.

H != W, FH != FW, C != FN and N > 1 everywhere, so a swapped axis, a reshaped (not transposed) weight layout
or a kernel flipped in one direction only shows. Some cases have a filter narrower than the stride (gaps
in the output) and some overlap. "conv_backward" checks the identity the explanation states: with the same
W, S and P, the transposed convolution of dout is the input gradient of Conv2d (im2col / col2im, written
here independently of the scatter), whose weight (FN', C', FH, FW) is the same array.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

# (N, C, H, W, FN, FH, FW, S)
NO_PAD = ((2, 3, 4, 5, 2, 3, 2, 1), (3, 2, 5, 3, 4, 2, 4, 2), (2, 4, 3, 4, 3, 4, 2, 3))
PAD = ((3, 2, 4, 3, 3, 3, 4, 1), (2, 3, 3, 5, 2, 4, 3, 2), (2, 4, 4, 2, 5, 3, 5, 3))
# (N, C', H', W', FN', FH, FW, S, P): a Conv2d from C' to FN' channels; H' = (OH − 1)S − 2P + FH exactly
BACKWARD = ((2, 3, 3, 4, 2, 3, 2, 2, 1), (3, 2, 4, 3, 4, 2, 3, 1, 0), (2, 4, 3, 2, 3, 4, 3, 3, 1))


def _inputs(settings, pad: int):
    def draw(rng) -> list[dict]:
        cases = []
        for N, C, H, Wx, FN, FH, FW, S in settings:
            cases.append(
                {
                    "x": rng.normal(size=(N, C, H, Wx)),
                    "W": rng.normal(size=(C, FN, FH, FW)),
                    "b": rng.normal(size=FN),
                    "stride": S,
                    "pad": pad,
                }
            )
        return cases

    return draw


def _backward_inputs(rng) -> list[dict]:
    cases = []
    for N, Cc, OH, OW, FNc, FH, FW, S, P in BACKWARD:
        # dout of the Conv2d (N, FN', OH, OW) is the transposed convolution's input; its W (FN', C', FH, FW)
        cases.append(
            {
                "x": rng.normal(size=(N, FNc, OH, OW)),
                "W": rng.normal(size=(FNc, Cc, FH, FW)),
                "b": np.zeros(Cc),
                "stride": S,
                "pad": P,
            }
        )
    return cases


def _scatter(x, W, S, taps=None, kernel=None):
    """The uncropped buffer: input pixel (i, j) times W at rows i·S + p·taps (taps = 1 normally)."""
    N, C, H, Wx = x.shape
    _, FN, FH, FW = W.shape
    kernel = W if kernel is None else kernel
    t = 1 if taps is None else taps
    full_h = (H - 1) * (S if taps is None else 1) + (FH - 1) * t + 1
    full_w = (Wx - 1) * (S if taps is None else 1) + (FW - 1) * t + 1
    step = S if taps is None else 1
    out = np.zeros((N, FN, full_h, full_w))
    for i in range(H):
        for j in range(Wx):
            block = np.einsum("nc,cfhw->nfhw", x[:, :, i, j], kernel)
            out[:, :, i * step : i * step + (FH - 1) * t + 1 : t, j * step : j * step + (FW - 1) * t + 1 : t] += block
    return out


def _crop(out, top, bottom):
    h, w = out.shape[2], out.shape[3]
    return out[:, :, top : h - bottom, top : w - bottom]


def _bias(c):
    return c["b"].reshape(1, -1, 1, 1)


def _right(c) -> dict:
    P = c["pad"]
    return {"out": _crop(_scatter(c["x"], c["W"], c["stride"]), P, P) + _bias(c)}


def _coverage(c):
    """How many input pixels' windows cover each output pixel (cropped), shape (1, 1, OH, OW)."""
    ones = {"x": np.ones((1, 1) + c["x"].shape[2:]), "W": np.ones((1, 1) + c["W"].shape[2:])}
    P = c["pad"]
    return _crop(_scatter(ones["x"], ones["W"], c["stride"]), P, P)


def _variant(c, *, crop=None, kernel=None, taps=None, bias="once"):
    P = c["pad"]
    full = _scatter(c["x"], c["W"], c["stride"], taps=taps, kernel=kernel)
    top, bottom = (P, P) if crop is None else crop
    out = _crop(full, top, bottom)
    if bias == "once":
        out = out + _bias(c)
    elif bias == "per_pixel":
        out = out + _coverage(c) * _bias(c)
    elif bias == "per_pixel_channel":
        out = out + c["x"].shape[1] * _coverage(c) * _bias(c)
    return {"out": out}


def _reshaped(c) -> dict:
    C, FN, FH, FW = c["W"].shape
    conv_layout = c["W"].reshape(FN, C, FH, FW)  # a reshape taken for the change of layout
    return _variant(c, kernel=conv_layout.transpose(1, 0, 2, 3))


VARIANTS = (
    Variant(
        "layout_reshaped",
        _reshaped,
        ja="重みの並びを W.reshape(FN, C, FH, FW) で Conv2d の形に「直して」います。reshape はメモリの順に数を詰め直す"
        "だけで、軸を入れ替えません。W はそのまま (C, FN, FH, FW) として W[c] を使うか、入れ替えるなら "
        "W.transpose(1, 0, 2, 3) です。",
        en="the weights are 'converted' to Conv2d's layout with W.reshape(FN, C, FH, FW): a reshape refills the "
        "numbers in memory order and swaps no axes. Use W as it is, (C, FN, FH, FW), with W[c], or swap the axes "
        "with W.transpose(1, 0, 2, 3).",
    ),
    Variant(
        "no_crop",
        lambda c: _variant(c, crop=(0, 0)),
        ja="パディングを切り落としていません。ConvTranspose2d の padding P は、足し込んだ出力の上下左右から P 画素ずつ"
        "取り除く指定で、出力は (H − 1)S − 2P + FH です。",
        en="the padding is not cut off: ConvTranspose2d's padding P removes P pixels from every side of the summed "
        "output, giving (H − 1)S − 2P + FH.",
    ),
    Variant(
        "crop_one_side",
        lambda c: _variant(c, crop=(c["pad"], 0)),
        ja="パディングを上と左からしか切り落としていません。下と右からも P 画素ずつ取り除きます: "
        "out[:, :, P:full_h − P, P:full_w − P]。",
        en="the padding is cut off at the top and left only: remove P pixels at the bottom and right too, "
        "out[:, :, P:full_h − P, P:full_w − P].",
    ),
    Variant(
        "crop_at_end",
        lambda c: _variant(c, crop=(0, 2 * c["pad"])),
        ja="下と右から 2P 画素を切り落としています（out[:, :, :OH, :OW]）。大きさは合いますが位置がずれます。"
        "上下左右から P 画素ずつ取り除きます。",
        en="2P pixels are cut off at the bottom and right (out[:, :, :OH, :OW]): the size is right but the "
        "output is shifted; remove P pixels from each side.",
    ),
    Variant(
        "stride_between_taps",
        lambda c: _variant(c, taps=c["stride"]),
        ja="ストライドをフィルタの要素の間隔に使っています（ダイレーションになっています）。ストライドは入力の画素の"
        "置き場所の間隔で、画素 (i, j) のフィルタは行 i·S から連続する FH 行に足し込みます。",
        en="the stride spaces the filter's taps (that is a dilation): the stride spaces where the input pixels go, "
        "and pixel (i, j)'s filter is added into the FH consecutive rows starting at row i·S.",
    ),
    Variant(
        "flipped_kernel",
        lambda c: _variant(c, kernel=c["W"][:, :, ::-1, ::-1]),
        ja="フィルタが上下左右に反転しています。0 を挿入した入力に相関（im2col の畳み込み）を掛ける書き方では、"
        "フィルタを 180° 回してから使います。足し込む書き方では W[c] をそのまま置きます。",
        en="the filter is flipped in both directions: when a correlation (the im2col convolution) runs over the "
        "zero-inserted input, the filter must be rotated by 180°; when scattering, W[c] is placed as it is.",
    ),
    Variant(
        "bias_per_input_pixel",
        lambda c: _variant(c, bias="per_pixel"),
        ja="バイアスを入力の画素ごとに、足し込む窓の全体に足しています。窓が重なる画素ほど大きくなります。b は最後に、"
        "出力の画素ごとにチャンネルごとに 1 回だけ足します。",
        en="the bias is added with every input pixel's window, so pixels covered by several windows get it several "
        "times: add b once per output pixel and channel, at the end.",
    ),
    Variant(
        "bias_per_input_pixel_channel",
        lambda c: _variant(c, bias="per_pixel_channel"),
        ja="バイアスを入力の画素とチャンネルごとに、足し込む窓の全体に足しています（C 倍・重なりの数だけ多い）。b は"
        "最後に、出力の画素ごとにチャンネルごとに 1 回だけ足します。",
        en="the bias is added with every input pixel's window for every input channel (C times, and once per "
        "overlapping window): add b once per output pixel and channel, at the end.",
    ),
    Variant(
        "no_bias",
        lambda c: _variant(c, bias="none"),
        ja="バイアス b が足されていません。最後に b.reshape(1, FN, 1, 1) を足します。",
        en="the bias b is missing: add b.reshape(1, FN, 1, 1) at the end.",
    ),
)


def _col2im(col, shape, FH, FW, S, P):
    """Book-1-style col2im: col (N·OH·OW, C·FH·FW) back into (N, C, H, W), overlapping windows summed."""
    N, C, H, Wx = shape
    OH = (H + 2 * P - FH) // S + 1
    OW = (Wx + 2 * P - FW) // S + 1
    col = col.reshape(N, OH, OW, C, FH, FW).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((N, C, H + 2 * P + S - 1, Wx + 2 * P + S - 1))
    for y in range(FH):
        for x in range(FW):
            img[:, :, y : y + S * OH : S, x : x + S * OW : S] += col[:, :, y, x, :, :]
    return img[:, :, P : H + P, P : Wx + P]


def _conv_input_grad(c) -> dict:
    """dx of a Conv2d with weight W (FN', C', FH, FW), stride S, padding P, for dout = the case's x."""
    dout, W, S, P = c["x"], c["W"], c["stride"], c["pad"]
    N, FNc, OH, OW = dout.shape
    _, Cc, FH, FW = W.shape
    H = (OH - 1) * S - 2 * P + FH
    Wx = (OW - 1) * S - 2 * P + FW
    dcol = dout.transpose(0, 2, 3, 1).reshape(-1, FNc) @ W.reshape(FNc, -1)  # (N·OH·OW, C'·FH·FW)
    return {"out": _col2im(dcol, (N, Cc, H, Wx), FH, FW, S, P)}


def _run(learner, c) -> dict:
    return {"out": learner.transposed_conv_forward(c["x"], c["W"], c["b"], c["stride"], c["pad"])}


CHECKS = {
    "no_padding": Cases(inputs=_inputs(NO_PAD, 0), run=_run, expected=_right, variants=VARIANTS),
    "padding": Cases(inputs=_inputs(PAD, 1), run=_run, expected=_right, variants=VARIANTS),
    "conv_backward": Cases(inputs=_backward_inputs, run=_run, expected=_conv_input_grad, variants=VARIANTS),
}
