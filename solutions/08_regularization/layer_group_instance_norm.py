"""Layer・Instance・Group Normalization の順伝播と逆伝播 / forward and backward of Layer, Instance and Group Normalization.

GroupNorm(gamma, beta, G, eps=1e-5) の forward(x) と backward(dout) を完成させてください。x は (N, C, H, W)、
gamma, beta はチャネルごとの (C,)、G は C を割り切るグループ数です。
  サンプルごと・グループごとに、C/G 個の連続したチャネル（グループ g はチャネル g*C/G 〜 (g+1)*C/G − 1）と
  H, W の全位置の値から平均 mu と分散 var（値の個数で割る。不偏分散ではない）を求め、
  xn = (x − mu) / sqrt(var + eps)、out = gamma[c] * xn + beta[c]（γ・β はチャネル c ごと）を返します。
  G = 1 が LayerNorm（サンプルごとに (C, H, W) 全体）、G = C が InstanceNorm（サンプル・チャネルごとに (H, W)）です。
  backward(dout): dout (N, C, H, W)。self.dgamma (C,)、self.dbeta (C,) をセットし、dx (N, C, H, W) を返します。
  1 つのオブジェクトで forward / backward を何度も（バッチサイズを変えて）呼びます。

Complete forward(x) and backward(dout) of GroupNorm(gamma, beta, G, eps=1e-5). x is (N, C, H, W), gamma and
beta are per channel, (C,), and G is a number of groups that divides C.
  For each sample and each group, take the mean mu and the variance var (divided by the number of values, not
  unbiased) over the group's C/G consecutive channels (group g is channels g*C/G to (g+1)*C/G − 1) and all H, W
  positions; return out = gamma[c] * xn + beta[c] with xn = (x − mu) / sqrt(var + eps) (γ and β per channel c).
  G = 1 is LayerNorm (per sample over all of (C, H, W)); G = C is InstanceNorm (per sample and channel over (H, W)).
  backward(dout), dout (N, C, H, W): set self.dgamma (C,) and self.dbeta (C,), return dx (N, C, H, W).
  One object's forward / backward are called many times (with different batch sizes).
"""
import numpy as np


class GroupNorm:
    def __init__(self, gamma, beta, G, eps=1e-5):
        self.gamma = gamma                  # (C,)
        self.beta = beta                    # (C,)
        self.G = G                          # グループ数 / number of groups
        self.eps = eps
        # backward で使う中間データ（必要なものを forward で保存）/ kept for backward (save what you need)
        self.xn = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x):
        N, C, H, W = x.shape
        xg = x.reshape(N, self.G, -1)                         # (N, G, C/G*H*W)
        mu = xg.mean(axis=2, keepdims=True)
        var = ((xg - mu) ** 2).mean(axis=2, keepdims=True)
        self.std = np.sqrt(var + self.eps)
        self.xn = ((xg - mu) / self.std).reshape(N, C, H, W)
        return self.gamma.reshape(1, C, 1, 1) * self.xn + self.beta.reshape(1, C, 1, 1)

    def backward(self, dout):
        N, C, H, W = dout.shape
        self.dbeta = dout.sum(axis=(0, 2, 3))
        self.dgamma = (dout * self.xn).sum(axis=(0, 2, 3))
        dxn = (dout * self.gamma.reshape(1, C, 1, 1)).reshape(N, self.G, -1)
        xn = self.xn.reshape(N, self.G, -1)
        dx = dxn - dxn.mean(axis=2, keepdims=True) - xn * (dxn * xn).mean(axis=2, keepdims=True)
        return (dx / self.std).reshape(N, C, H, W)


class LayerNorm(GroupNorm):
    """G = 1: サンプルごとに (C, H, W) 全体で正規化 / normalises each sample over all of (C, H, W)."""

    def __init__(self, gamma, beta, eps=1e-5):
        super().__init__(gamma, beta, 1, eps)


class InstanceNorm(GroupNorm):
    """G = C: サンプル・チャネルごとに (H, W) で正規化 / normalises each sample and channel over (H, W)."""

    def __init__(self, gamma, beta, eps=1e-5):
        super().__init__(gamma, beta, len(gamma), eps)
