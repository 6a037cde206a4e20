# expect: pass
# a plain loop over output positions, one row per window
import numpy as np


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], "constant")
    col = np.zeros((N * out_h * out_w, C * filter_h * filter_w))
    row = 0
    for n in range(N):
        for y in range(out_h):
            for x in range(out_w):
                top, left = y * stride, x * stride
                col[row] = img[n, :, top:top + filter_h, left:left + filter_w].ravel()
                row += 1
    return col
