# expect: fail
# diagnosis: the rows are ordered (output y, output x, n)
# mistake: rows ordered (y, x, n) instead of (n, y, x)
import numpy as np


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1
    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    col = np.zeros((N * out_h * out_w, C * filter_h * filter_w))
    row = 0
    for y in range(out_h):
        for x in range(out_w):
            for n in range(N):
                col[row] = img[n, :, y * stride:y * stride + filter_h, x * stride:x * stride + filter_w].ravel()
                row += 1
    return col
