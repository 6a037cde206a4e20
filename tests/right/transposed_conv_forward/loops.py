# expect: pass
# plain loops over every input pixel and filter tap, cropping by index
import numpy as np


def transposed_conv_forward(x, W, b, stride, pad):
    N, C, H, Wx = x.shape
    _, FN, FH, FW = W.shape
    OH = (H - 1) * stride - 2 * pad + FH
    OW = (Wx - 1) * stride - 2 * pad + FW
    out = np.zeros((N, FN, OH, OW))
    for n in range(N):
        for c in range(C):
            for i in range(H):
                for j in range(Wx):
                    for p in range(FH):
                        for q in range(FW):
                            r = i * stride + p - pad
                            s = j * stride + q - pad
                            if 0 <= r < OH and 0 <= s < OW:
                                out[n, :, r, s] += x[n, c, i, j] * W[c, :, p, q]
    for f in range(FN):
        out[:, f] += b[f]
    return out
