# expect: fail
# diagnosis: when x has the same shape as last time, the maxima's positions
# mistake: the mask of the maxima is recomputed only when the input shape changes, so a new batch of the same size gets its gradient at the old batch's maxima
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
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
        self.x = None
        self.mask = None            # 1 where a window's maximum is, per row (n, y, x, c)

    def forward(self, x):
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - self.pool_h) // self.stride + 1
        out_w = (W + 2 * self.pad - self.pool_w) // self.stride + 1
        # columns of im2col are (c, i, j): one window of one channel per row after this reshape
        col = im2col(x, self.pool_h, self.pool_w, self.stride, self.pad).reshape(-1, self.pool_h * self.pool_w)
        best = col.max(axis=1)                                 # rows (n, y, x, c)
        if self.x is None or self.x.shape != x.shape:
            self.mask = col == best[:, None]
            self.x = x
        return best.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)

    def backward(self, dout):
        N, C, out_h, out_w = dout.shape
        g = dout.transpose(0, 2, 3, 1).reshape(-1, 1)         # rows (n, y, x, c), like self.mask
        dcol = (self.mask * g).reshape(N * out_h * out_w, -1)  # the gradient goes to the maximum only
        return col2im(dcol, self.x.shape, self.pool_h, self.pool_w, self.stride, self.pad)
