# expect: pass
# book-1 style: x @ W as columns, then col2im adds the windows back into the (padded) output image
import numpy as np


def col2im(col, shape, fh, fw, stride, pad):
    N, C, H, W = shape
    out_h = (H + 2 * pad - fh) // stride + 1
    out_w = (W + 2 * pad - fw) // stride + 1
    col = col.reshape(N, out_h, out_w, C, fh, fw).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((N, C, H + 2 * pad + stride - 1, W + 2 * pad + stride - 1))
    for y in range(fh):
        for x in range(fw):
            img[:, :, y:y + stride * out_h:stride, x:x + stride * out_w:stride] += col[:, :, y, x, :, :]
    return img[:, :, pad:H + pad, pad:W + pad]


def transposed_conv_forward(x, W, b, stride, pad):
    N, C, H, Wx = x.shape
    _, FN, FH, FW = W.shape
    OH = (H - 1) * stride - 2 * pad + FH
    OW = (Wx - 1) * stride - 2 * pad + FW
    col = x.transpose(0, 2, 3, 1).reshape(-1, C) @ W.reshape(C, -1)   # (N*H*W, FN*FH*FW)
    out = col2im(col, (N, FN, OH, OW), FH, FW, stride, pad)
    return out + b[None, :, None, None]
