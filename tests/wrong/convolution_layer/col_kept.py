# expect: fail
# diagnosis: when x has the same shape as last time, the previous im2col result
# mistake: im2col is recomputed only when the input shape changes (a cache meant to save time), so a new batch of the same size reuses the old columns
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


class Convolution:
    def __init__(self, W, b, stride=1, pad=0):
        self.W = W                  # (FN, C, FH, FW)
        self.b = b                  # (FN,)
        self.stride = stride
        self.pad = pad
        self.x = None               # input (N, C, H, W)
        self.col = None             # im2col(x): (N*out_h*out_w, C*FH*FW)
        self.col_W = None           # W as columns: (C*FH*FW, FN)
        self.dW = None
        self.db = None

    def forward(self, x):
        FN, C, FH, FW = self.W.shape
        N, _, H, W = x.shape
        out_h = (H + 2 * self.pad - FH) // self.stride + 1
        out_w = (W + 2 * self.pad - FW) // self.stride + 1
        if self.x is None or self.x.shape != x.shape:
            self.x = x
            self.col = im2col(x, FH, FW, self.stride, self.pad)
        self.col_W = self.W.reshape(FN, -1).T
        out = self.col @ self.col_W + self.b                       # rows (n, y, x), columns f
        return out.reshape(N, out_h, out_w, FN).transpose(0, 3, 1, 2)

    def backward(self, dout):
        FN, C, FH, FW = self.W.shape
        dout2 = dout.transpose(0, 2, 3, 1).reshape(-1, FN)         # same rows as self.col
        self.db = dout2.sum(axis=0)                                 # b is added at every (n, y, x)
        self.dW = (dout2.T @ self.col).reshape(FN, C, FH, FW)       # (FN, C*FH*FW) -> W's shape
        dcol = dout2 @ self.col_W.T                                 # (N*out_h*out_w, C*FH*FW)
        return col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)
