"""転置畳み込み（ConvTranspose2d）の順伝播を実装してください。

transposed_conv_forward(x, W, b, stride, pad) -> (N, FN, OH, OW)
  x: (N, C, H, W)、W: (C, FN, FH, FW)（PyTorch の ConvTranspose2d の並び。Conv2d は (FN, C, FH, FW)）、b: (FN,)
  入力の各画素 x[n, c, i, j] にフィルタ W[c] を掛け、足し込み用の出力 (N, FN, (H−1)S+FH, (W−1)S+FW) の
  行 i·S … i·S+FH−1、列 j·S … j·S+FW−1 に足し込む。上下左右から pad 画素ずつ切り落とし、最後に b を出力の
  チャンネルごとに 1 回だけ足す。OH = (H−1)S − 2P + FH、OW = (W−1)S − 2P + FW。

Implement the forward pass of a transposed convolution (ConvTranspose2d).
transposed_conv_forward(x, W, b, stride, pad) -> (N, FN, OH, OW)
  x: (N, C, H, W); W: (C, FN, FH, FW) (PyTorch's ConvTranspose2d layout; Conv2d's is (FN, C, FH, FW)); b: (FN,)
  Each input pixel x[n, c, i, j] times its filter W[c] is added into rows i·S … i·S+FH−1 and columns
  j·S … j·S+FW−1 of an accumulation buffer (N, FN, (H−1)S+FH, (W−1)S+FW). Cut pad pixels off every side, then
  add b once per output channel. OH = (H−1)S − 2P + FH, OW = (W−1)S − 2P + FW.
"""

import numpy as np


def transposed_conv_forward(x, W, b, stride, pad):
    N, C, H, Wx = x.shape
    FN, FH, FW = W.shape[1], W.shape[2], W.shape[3]
    full_h = (H - 1) * stride + FH
    full_w = (Wx - 1) * stride + FW
    out = np.zeros((N, FN, full_h, full_w))
    for i in range(H):
        for j in range(Wx):
            contrib = np.tensordot(x[:, :, i, j], W, axes=(1, 0))  # (N, FN, FH, FW)
            out[:, :, i * stride : i * stride + FH, j * stride : j * stride + FW] += contrib
    out = out[:, :, pad : full_h - pad, pad : full_w - pad]
    return out + b.reshape(1, FN, 1, 1)
