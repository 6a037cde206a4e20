"""Batch Normalization（ゼロから作るDeep Learning 1, 6 章）/ Batch Normalization (book 1, chapter 6).

BatchNormalization(gamma, beta, momentum=0.9, running_mean=None, running_var=None) の
forward(x, train_flg=True) と backward(dout) を完成させてください。x は 2 次元 (N, D)、gamma, beta は (D,)。
  ε = 10e-7（本書のコードの書き方のまま。値は 1e-6）。分散はバッチ数 N で割ります（不偏分散ではない）。
  学習時: mu = x の平均、var = 平均 ((x - mu)^2)（どちらも axis=0）、xn = (x - mu) / sqrt(var + ε)、
          out = gamma * xn + beta。running_mean = momentum * running_mean + (1 - momentum) * mu（running_var も var で同様）。
          running_mean / running_var が None なら最初に 0 の (D,) 配列にします。
  テスト時（train_flg=False）: running_mean, running_var で正規化します（更新はしません）。
  backward(dout): dout (N, D)。self.dgamma (D,)、self.dbeta (D,) をセットし、dx (N, D) を返します。

Complete forward(x, train_flg=True) and backward(dout) of BatchNormalization(gamma, beta, momentum=0.9,
running_mean=None, running_var=None). x is 2-D (N, D); gamma and beta are (D,).
  ε = 10e-7 (written as in book 1's code; the value is 1e-6). The variance divides by N (not unbiased).
  Training: mu = mean of x, var = mean of (x - mu)^2 (both over axis=0), xn = (x - mu) / sqrt(var + ε),
            out = gamma * xn + beta. running_mean = momentum * running_mean + (1 - momentum) * mu, and
            running_var likewise with var. When running_mean / running_var are None, start them as zeros (D,).
  Test (train_flg=False): normalise with running_mean and running_var (no update).
  backward(dout), dout (N, D): set self.dgamma (D,) and self.dbeta (D,), return dx (N, D).
"""
import numpy as np


class BatchNormalization:
    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma                  # (D,)
        self.beta = beta                    # (D,)
        self.momentum = momentum
        self.running_mean = running_mean    # テスト時に使う平均 / mean used at test time (D,)
        self.running_var = running_var      # テスト時に使う分散 / variance used at test time (D,)
        # backward で使う中間データ（必要なものを forward で保存）/ kept for backward (save what you need)
        self.batch_size = None
        self.xc = None
        self.xn = None
        self.std = None
        self.dgamma = None
        self.dbeta = None

    def forward(self, x, train_flg=True):
        # TODO: 学習時はバッチの平均・分散で正規化して running_mean / running_var を更新、
        #       テスト時は running_mean / running_var で正規化。out = gamma * xn + beta を返す
        #       training: normalise with the batch mean/variance and update running_mean / running_var;
        #       test: normalise with running_mean / running_var. Return out = gamma * xn + beta
        raise NotImplementedError("BatchNormalization.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dout):
        # TODO: self.dgamma, self.dbeta をセットし、dx を返す / set self.dgamma, self.dbeta, return dx
        raise NotImplementedError("BatchNormalization.backward: TODO を埋めてください / fill in the TODO")
