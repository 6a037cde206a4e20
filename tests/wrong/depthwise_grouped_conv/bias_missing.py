# expect: fail
# diagnosis: the C_out biases of bias=True are missing
# mistake: only the weights are counted
"""グループ化畳み込み（groups = 1 の通常の畳み込みから depthwise まで）と、そのパラメータ数を実装してください。

grouped_conv2d(x, w, groups) -> out
  x: (N, C_in, H, W)、w: (C_out, C_in // groups, KH, KW)（PyTorch の Conv2d の重みの並び）
  out: (N, C_out, H − KH + 1, W − KW + 1)（ストライド 1、パディングなし、バイアスなし）
  出力チャンネル o はグループ g = o // (C_out // groups) に属し、入力チャンネル
  g·(C_in // groups) 〜 (g + 1)·(C_in // groups) − 1 だけを見ます。
conv_params(C_in, C_out, K, groups, bias) -> int: K×K のグループ化畳み込みのパラメータ数

Implement a grouped convolution (from the ordinary groups = 1 to depthwise) and its parameter count.
grouped_conv2d(x, w, groups) -> out
  x: (N, C_in, H, W), w: (C_out, C_in // groups, KH, KW) (the layout of PyTorch's Conv2d weight)
  out: (N, C_out, H − KH + 1, W − KW + 1) (stride 1, no padding, no bias)
  Output channel o belongs to group g = o // (C_out // groups) and sees only the input channels
  g·(C_in // groups) to (g + 1)·(C_in // groups) − 1.
conv_params(C_in, C_out, K, groups, bias) -> int: the number of parameters of a K×K grouped convolution
"""
import numpy as np


def grouped_conv2d(x, w, groups):
    # TODO: グループ g ごとに、入力チャンネルの g 番目の塊と、重みの出力チャンネルの g 番目の塊で通常の畳み込みをする
    #       for each group g, convolve the g-th block of input channels with the g-th block of the weight's output channels
    N, C_in, H, W = x.shape
    C_out, cg, KH, KW = w.shape
    og = C_out // groups  # output channels per group
    OH, OW = H - KH + 1, W - KW + 1
    out = np.zeros((N, C_out, OH, OW))
    for g in range(groups):
        xg = x[:, g * cg : (g + 1) * cg]
        wg = w[g * og : (g + 1) * og]
        for p in range(KH):
            for q in range(KW):
                out[:, g * og : (g + 1) * og] += np.einsum("nchw,oc->nohw", xg[:, :, p : p + OH, q : q + OW], wg[:, :, p, q])
    return out


def conv_params(C_in, C_out, K, groups, bias):
    # TODO: 重み (C_out, C_in // groups, K, K) の要素数と、bias が True ならバイアス C_out 個 / the weight's size, plus C_out biases if bias
    n = C_out * (C_in // groups) * K * K
    return n
