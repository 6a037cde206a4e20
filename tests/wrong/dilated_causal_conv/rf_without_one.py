# expect: fail
# diagnosis: the 1 is missing
# mistake: the present sample itself is not counted
"""WaveNet の dilated causal convolution と受容野を実装してください。

causal_conv1d(x, w, dilation) -> y
  x: (N, C_in, T)、w: (C_out, C_in, K)、y: (N, C_out, T)
  y[n, o, t] = Σ_c Σ_k w[o, c, k] · x[n, c, t − (K − 1 − k)·dilation]（t' < 0 の x は 0）
receptive_field(K, dilations) -> int: カーネル K の層を dilations の順に重ねたときの受容野

Implement WaveNet's dilated causal convolution and its receptive field.
causal_conv1d(x, w, dilation) -> y
  x: (N, C_in, T), w: (C_out, C_in, K), y: (N, C_out, T)
  y[n, o, t] = Σ_c Σ_k w[o, c, k] · x[n, c, t − (K − 1 − k)·dilation] (x is 0 before time 0)
receptive_field(K, dilations) -> int: the receptive field of layers of kernel size K with these dilations, stacked
"""
import numpy as np


def causal_conv1d(x, w, dilation):
    # TODO: 左に (K − 1)·dilation 個の 0 を足し、各タップ k の入力 x[t − (K − 1 − k)·dilation] を w[:, :, k] で混ぜて足す
    #       pad (K − 1)·dilation zeros on the left; add tap k's input x[t − (K − 1 − k)·dilation] mixed by w[:, :, k]
    N, C_in, T = x.shape
    K = w.shape[2]
    pad = (K - 1) * dilation
    xp = np.concatenate([np.zeros((N, C_in, pad)), x], axis=2)  # xp[..., j] = x[..., j − pad]
    taps = np.stack([xp[:, :, k * dilation : k * dilation + T] for k in range(K)], axis=-1)  # (N, C_in, T, K)
    return np.einsum("nctk,ock->not", taps, w)


def receptive_field(K, dilations):
    # TODO: 1 層ごとに受容野は (K − 1)·dilation だけ広がる / each layer widens the receptive field by (K − 1)·dilation
    return sum((K - 1) * d for d in dilations)
