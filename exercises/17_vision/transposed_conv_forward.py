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
    # TODO: 入力の各画素に W[c] を掛けて (N, FN, (H−1)S+FH, (W−1)S+FW) に足し込み、上下左右から pad 画素ずつ
    #       切り落として、最後に b を出力のチャンネルごとに足す。(N, FN, OH, OW) を返す
    #       add each input pixel times W[c] into an (N, FN, (H−1)S+FH, (W−1)S+FW) buffer, cut pad pixels off every
    #       side, then add b per output channel; return (N, FN, OH, OW)
    raise NotImplementedError("transposed_conv_forward: TODO を埋めてください / fill in the TODO")
