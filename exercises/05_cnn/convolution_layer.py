"""Convolution レイヤ（ゼロから作るDeep Learning 1, 7 章）/ The Convolution layer (book 1, chapter 7).

Convolution(W, b, stride=1, pad=0) の forward(x) と backward(dout) を完成させてください。
  W: (FN, C, FH, FW)、b: (FN,)、x: (N, C, H, W)。
  out_h = (H + 2*pad - FH) // stride + 1、out_w = (W + 2*pad - FW) // stride + 1。
  forward(x): out[n, f, y, x] = Σ_{c,i,j} xpad[n, c, y*stride+i, x*stride+j] * W[f, c, i, j] + b[f]
    を (N, FN, out_h, out_w) で返します（xpad は 0 でパディングした x）。
  backward(dout): dout (N, FN, out_h, out_w) = ∂L/∂out。self.dW (FN, C, FH, FW) と self.db (FN,) をセットし、
    dx (N, C, H, W) を返します。
  im2col と col2im は下に書いてあります（本書と同じ引数と並び）。使っても使わなくても構いません。

Complete forward(x) and backward(dout) of Convolution(W, b, stride=1, pad=0).
  W: (FN, C, FH, FW), b: (FN,), x: (N, C, H, W).
  out_h = (H + 2*pad - FH) // stride + 1, out_w = (W + 2*pad - FW) // stride + 1.
  forward(x) returns out (N, FN, out_h, out_w), out[n, f, y, x] = Σ_{c,i,j} xpad[n, c, y*stride+i,
    x*stride+j] * W[f, c, i, j] + b[f] (xpad: x padded with zeros).
  backward(dout), dout (N, FN, out_h, out_w) = ∂L/∂out: set self.dW (FN, C, FH, FW) and self.db (FN,),
    return dx (N, C, H, W).
  im2col and col2im are given below (book 1's arguments and order); use them or not, as you like.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    """x (N, C, H, W) -> (N*out_h*out_w, C*filter_h*filter_w)。行 (n, y, x)、列 (c, i, j)。
    x (N, C, H, W) -> (N*out_h*out_w, C*filter_h*filter_w); rows (n, y, x), columns (c, i, j)."""
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    img = np.pad(input_data, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    # every filter_h x filter_w window: (N, C, H+2p-fh+1, W+2p-fw+1, fh, fw)
    windows = sliding_window_view(img, (filter_h, filter_w), axis=(2, 3))
    windows = windows[:, :, ::stride, ::stride][:, :, :out_h, :out_w]   # (N, C, out_h, out_w, fh, fw)
    # rows (n, y, x), columns (c, i, j)
    return windows.transpose(0, 2, 3, 1, 4, 5).reshape(N * out_h * out_w, C * filter_h * filter_w)


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    """im2col の逆: 行を窓に戻して足し込み、(N, C, H, W) を返す。
    The reverse of im2col: add the rows back as windows, return (N, C, H, W)."""
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    # row (n, y, x) holds the window (C, filter_h, filter_w) at (y * stride, x * stride)
    windows = col.reshape(N, out_h, out_w, C, filter_h, filter_w)
    img = np.zeros((N, C, H + 2 * pad, W + 2 * pad), dtype=col.dtype)
    for y in range(out_h):
        for x in range(out_w):
            top, left = y * stride, x * stride
            # overlapping windows add up
            img[:, :, top:top + filter_h, left:left + filter_w] += windows[:, y, x]
    return img[:, :, pad:pad + H, pad:pad + W]


class Convolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W = W                  # (FN, C, FH, FW)
        self.b = b                  # (FN,)
        self.stride = stride
        self.pad = pad
        # backward で使う中間データ / kept for backward
        self.x = None
        self.col = None
        self.col_W = None
        # 勾配 / gradients
        self.dW = None
        self.db = None

    def forward(self, x):
        # TODO: im2col で x を展開し、W を (C*FH*FW, FN) の行列にして掛け、b を足して (N, FN, out_h, out_w) で返す
        #       unfold x with im2col, multiply by W as a (C*FH*FW, FN) matrix, add b, return (N, FN, out_h, out_w)
        raise NotImplementedError("Convolution.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: self.db (FN,)、self.dW (FN, C, FH, FW) をセットし、col2im で dx (N, C, H, W) を返す
        #       set self.db (FN,) and self.dW (FN, C, FH, FW), return dx (N, C, H, W) built with col2im
        raise NotImplementedError("Convolution.backward: TODO を埋めてください / fill in the TODO")
