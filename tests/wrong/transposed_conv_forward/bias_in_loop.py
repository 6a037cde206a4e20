# expect: fail
# diagnosis: the bias is added with every input pixel's window
# mistake: b added inside the scatter loop, so overlapping windows add it several times
import numpy as np


def transposed_conv_forward(x, W, b, stride, pad):
    N, C, H, Wx = x.shape
    _, FN, FH, FW = W.shape
    full_h = (H - 1) * stride + FH
    full_w = (Wx - 1) * stride + FW
    out = np.zeros((N, FN, full_h, full_w))
    for i in range(H):
        for j in range(Wx):
            block = np.tensordot(x[:, :, i, j], W, axes=(1, 0)) + b.reshape(1, FN, 1, 1)
            out[:, :, i * stride:i * stride + FH, j * stride:j * stride + FW] += block
    return out[:, :, pad:full_h - pad, pad:full_w - pad]
