# expect: fail
# diagnosis: the filter is flipped in both directions
# mistake: zero insertion and padding right, but the correlation uses W without rotating it by 180°
import numpy as np


def transposed_conv_forward(x, W, b, stride, pad):
    N, C, H, Wx = x.shape
    _, FN, FH, FW = W.shape
    up = np.zeros((N, C, (H - 1) * stride + 1, (Wx - 1) * stride + 1))
    up[:, :, ::stride, ::stride] = x
    up = np.pad(up, ((0, 0), (0, 0), (FH - 1 - pad, FH - 1 - pad), (FW - 1 - pad, FW - 1 - pad)))
    OH = up.shape[2] - FH + 1
    OW = up.shape[3] - FW + 1
    out = np.zeros((N, FN, OH, OW))
    for p in range(FH):
        for q in range(FW):
            out += np.einsum("nchw,cf->nfhw", up[:, :, p:p + OH, q:q + OW], W[:, :, p, q])
    return out + b.reshape(1, FN, 1, 1)
