"""col2im（ゼロから作るDeep Learning 1, 7 章）/ col2im (book 1, chapter 7)."""
import numpy as np


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
