# expect: pass
# S − 1 zeros between the input pixels, FH − 1 − P zeros around, then a stride-1 correlation with the
# filter rotated by 180° and its channel axes swapped
import numpy as np


def transposed_conv_forward(x, W, b, stride, pad):
    N, C, H, Wx = x.shape
    _, FN, FH, FW = W.shape
    up = np.zeros((N, C, (H - 1) * stride + 1, (Wx - 1) * stride + 1))
    up[:, :, ::stride, ::stride] = x
    ph, pw = FH - 1 - pad, FW - 1 - pad
    up = np.pad(up, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    K = W[:, :, ::-1, ::-1]
    OH = up.shape[2] - FH + 1
    OW = up.shape[3] - FW + 1
    out = np.zeros((N, FN, OH, OW))
    for p in range(FH):
        for q in range(FW):
            out += np.einsum("nchw,cf->nfhw", up[:, :, p:p + OH, q:q + OW], K[:, :, p, q])
    return out + b.reshape(1, FN, 1, 1)
