# expect: fail
# diagnosis: a reshape refills the numbers in memory order
# mistake: the weights "converted" to Conv2d's layout with reshape instead of transpose
import numpy as np


def transposed_conv_forward(x, W, b, stride, pad):
    N, C, H, Wx = x.shape
    _, FN, FH, FW = W.shape
    Wc = W.reshape(FN, C, FH, FW)          # meant as (FN, C, FH, FW)
    full_h = (H - 1) * stride + FH
    full_w = (Wx - 1) * stride + FW
    out = np.zeros((N, FN, full_h, full_w))
    for i in range(H):
        for j in range(Wx):
            out[:, :, i * stride:i * stride + FH, j * stride:j * stride + FW] += np.einsum(
                "nc,fchw->nfhw", x[:, :, i, j], Wc)
    return out[:, :, pad:full_h - pad, pad:full_w - pad] + b.reshape(1, FN, 1, 1)
