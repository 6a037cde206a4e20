# expect: fail
# diagnosis: the padding is not cut off
# mistake: the summed buffer returned without removing P pixels per side
import numpy as np


def transposed_conv_forward(x, W, b, stride, pad):
    N, C, H, Wx = x.shape
    _, FN, FH, FW = W.shape
    out = np.zeros((N, FN, (H - 1) * stride + FH, (Wx - 1) * stride + FW))
    for i in range(H):
        for j in range(Wx):
            out[:, :, i * stride:i * stride + FH, j * stride:j * stride + FW] += np.tensordot(
                x[:, :, i, j], W, axes=(1, 0))
    return out + b.reshape(1, FN, 1, 1)
