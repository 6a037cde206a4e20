# expect: fail
# diagnosis: the stride spaces the filter's taps
# mistake: input pixels placed 1 apart and the filter's taps S apart (a dilated filter)
import numpy as np


def transposed_conv_forward(x, W, b, stride, pad):
    N, C, H, Wx = x.shape
    _, FN, FH, FW = W.shape
    full_h = H - 1 + (FH - 1) * stride + 1
    full_w = Wx - 1 + (FW - 1) * stride + 1
    out = np.zeros((N, FN, full_h, full_w))
    for p in range(FH):
        for q in range(FW):
            out[:, :, p * stride:p * stride + H, q * stride:q * stride + Wx] += np.einsum(
                "nchw,cf->nfhw", x, W[:, :, p, q])
    return out[:, :, pad:full_h - pad, pad:full_w - pad] + b.reshape(1, FN, 1, 1)
