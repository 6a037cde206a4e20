# expect: fail
# mistake: W read in Conv2d's layout (FN, C, FH, FW): FN is taken from W.shape[0], which is C (C != FN)
import numpy as np


def transposed_conv_forward(x, W, b, stride, pad):
    N, C, H, Wx = x.shape
    FN, _, FH, FW = W.shape
    full_h = (H - 1) * stride + FH
    full_w = (Wx - 1) * stride + FW
    out = np.zeros((N, FN, full_h, full_w))
    for i in range(H):
        for j in range(Wx):
            for f in range(FN):
                for c in range(C):
                    out[:, f, i * stride:i * stride + FH, j * stride:j * stride + FW] += (
                        x[:, c, i, j, None, None] * W[f, c])
    out = out[:, :, pad:full_h - pad, pad:full_w - pad]
    return out + b.reshape(1, -1, 1, 1)
