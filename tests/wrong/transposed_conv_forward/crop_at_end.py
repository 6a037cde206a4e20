# expect: fail
# diagnosis: 2P pixels are cut off at the bottom and right
# mistake: the right size kept with out[:, :, :OH, :OW], which shifts the output
import numpy as np


def transposed_conv_forward(x, W, b, stride, pad):
    N, C, H, Wx = x.shape
    _, FN, FH, FW = W.shape
    OH = (H - 1) * stride - 2 * pad + FH
    OW = (Wx - 1) * stride - 2 * pad + FW
    out = np.zeros((N, FN, (H - 1) * stride + FH, (Wx - 1) * stride + FW))
    for i in range(H):
        for j in range(Wx):
            out[:, :, i * stride:i * stride + FH, j * stride:j * stride + FW] += np.tensordot(
                x[:, :, i, j], W, axes=(1, 0))
    return out[:, :, :OH, :OW] + b.reshape(1, FN, 1, 1)
