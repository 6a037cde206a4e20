"""Denoising オートエンコーダ（Vincent ら 2008）の、入力の破壊（マスキングノイズ）・順伝播・逆伝播を実装してください。

corrupt(x, u, rho) -> x̃ (N, D): u < rho の要素を 0 にし、u >= rho の要素は x のまま（倍率なし、x は書き換えない）
DenoisingAutoencoder(W1, b1, W2, b2)（W1: (D, H), b1: (H,), W2: (H, D), b2: (D,)）
  forward(x, u, rho) -> float: x̃ = corrupt(x, u, rho)、h = sigmoid(x̃ W1 + b1)、x̂ = h W2 + b2、
    L = (1/N) Σ_n ½ Σ_d (x̂_nd − x_nd)²（目標は壊す前のきれいな x）
  backward(): self.dW1 (D, H), self.db1 (H,), self.dW2 (H, D), self.db2 (D,) に ∂L/∂(各パラメータ) をセット

Implement a denoising autoencoder (Vincent et al. 2008): the corruption of its input (masking noise), forward and backward.
corrupt(x, u, rho) -> x̃ (N, D): entries with u < rho become 0, those with u >= rho keep x (no rescaling; x is not changed)
DenoisingAutoencoder(W1, b1, W2, b2) (W1: (D, H), b1: (H,), W2: (H, D), b2: (D,))
  forward(x, u, rho) -> float: x̃ = corrupt(x, u, rho), h = sigmoid(x̃ W1 + b1), x̂ = h W2 + b2,
    L = (1/N) Σ_n ½ Σ_d (x̂_nd − x_nd)² (the target is the clean x, before the corruption)
  backward(): set self.dW1 (D, H), self.db1 (H,), self.dW2 (H, D), self.db2 (D,) to ∂L/∂(each parameter)
"""
import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def corrupt(x, u, rho):
    # TODO: マスキングノイズ。u < rho の要素を 0 に（x は書き換えず新しい配列を返す）
    #       masking noise: entries with u < rho become 0 (return a new array, leave x alone)
    raise NotImplementedError("corrupt: TODO を埋めてください / fill in the TODO")


class DenoisingAutoencoder:
    def __init__(self, W1, b1, W2, b2):
        self.W1, self.b1 = W1, b1  # 符号化器 / encoder: (D, H), (H,)
        self.W2, self.b2 = W2, b2  # 復号器 / decoder: (H, D), (D,)
        self.x = None        # きれいな入力 / the clean input (N, D)
        self.x_tilde = None  # 壊した入力 / the corrupted input (N, D)
        self.h = None        # 中間層の出力 / the hidden activations (N, H)
        self.x_hat = None    # 再構成 / the reconstruction (N, D)
        self.dW1 = self.db1 = self.dW2 = self.db2 = None

    def forward(self, x, u, rho):
        # TODO: x̃ → h → x̂ と損失 L（きれいな x との誤差、½ Σ_d、バッチで平均）。backward に要る値を保存
        #       x̃ → h → x̂ and the loss L (error against the clean x, ½ Σ_d, mean over the batch); keep what backward needs
        raise NotImplementedError("DenoisingAutoencoder.forward: TODO を埋めてください / fill in the TODO")

    def backward(self):
        # TODO: dx̂ = ∂L/∂x̂ から復号器、sigmoid、符号化器へ逆にたどり、self.dW1, self.db1, self.dW2, self.db2 をセット
        #       from dx̂ = ∂L/∂x̂ go back through the decoder, the sigmoid and the encoder; set the four gradients
        raise NotImplementedError("DenoisingAutoencoder.backward: TODO を埋めてください / fill in the TODO")
