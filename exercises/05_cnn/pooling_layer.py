"""Pooling レイヤ（最大値プーリング、ゼロから作るDeep Learning 1, 7 章）/ The max Pooling layer (book 1, chapter 7).

Pooling(pool_h, pool_w, stride=1, pad=0) の forward(x) と backward(dout) を完成させてください（最大値プーリング）。
  x: (N, C, H, W)。out_h = (H + 2*pad - pool_h) // stride + 1、out_w = (W + 2*pad - pool_w) // stride + 1。
  forward(x): チャンネルごとに、各 pool_h × pool_w の窓（左上 (y*stride, x*stride)）の最大値を
    out[n, c, y, x] とし、(N, C, out_h, out_w) で返します。
  backward(dout): dout (N, C, out_h, out_w) = ∂L/∂out。各 dout[n, c, y, x] を、その窓で最大だった入力の位置だけに
    渡します（窓が重なって同じ位置が複数の窓の最大なら足し合わせ）。dx (N, C, H, W) を返します。
  im2col と col2im は下に書いてあります（本書と同じ引数と並び）。採点では pad = 0 です。

Complete forward(x) and backward(dout) of Pooling(pool_h, pool_w, stride=1, pad=0) (max pooling).
  x: (N, C, H, W). out_h = (H + 2*pad - pool_h) // stride + 1, out_w = (W + 2*pad - pool_w) // stride + 1.
  forward(x): per channel, out[n, c, y, x] = the maximum of the pool_h x pool_w window at (y*stride, x*stride);
    return (N, C, out_h, out_w).
  backward(dout), dout (N, C, out_h, out_w) = ∂L/∂out: pass each dout[n, c, y, x] to the input position that was
    its window's maximum, and nowhere else (added up where one position is the maximum of several
    overlapping windows). Return dx (N, C, H, W).
  im2col and col2im are given below (book 1's arguments and order). The grader uses pad = 0.
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


class Pooling:
    def __init__(self, pool_h, pool_w, stride=1, pad=0):
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        # backward で使う中間データ（必要なものを forward で保存）/ kept for backward (save what you need in forward)
        self.x = None
        self.arg_max = None

    def forward(self, x):
        # TODO: im2col で窓を行にし、チャンネルごとの最大値を取って (N, C, out_h, out_w) で返す
        #       unfold the windows with im2col, take the maximum per channel, return (N, C, out_h, out_w)
        raise NotImplementedError("Pooling.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: dout を最大値の位置だけに戻し、col2im で dx (N, C, H, W) にして返す
        #       send dout to the maxima only, return dx (N, C, H, W) built with col2im
        raise NotImplementedError("Pooling.backward: TODO を埋めてください / fill in the TODO")
