"""CBOW（word2vec）の損失と勾配（2 巻 3 章の SimpleCBOW を、単語 ID の入力で）。

contexts (N, C): 文脈の単語 ID（C 個）、target (N,): 正解（中央）の単語 ID、
W_in (V, H): 入力側の単語ベクトル（行 W_in[k] が単語 ID k）、W_out (H, V): 出力側の重み。
    h = (W_in[contexts[:, 0]] + … + W_in[contexts[:, C-1]]) / C     # (N, H) 文脈ベクトルの平均
    s = h @ W_out                                                   # (N, V)
    L = −(1/N) Σ_n log softmax(s[n])[target[n]]                      # バッチ平均の交差エントロピー
(L, dW_in, dW_out) を返してください。L は float、dW_in (V, H)、dW_out (H, V)。
同じ単語 ID が何度出ても（同じ行の中でも、別のサンプルでも）勾配は足し合わせます。
s の値は ±1000 程度まで大きくなることがあります（softmax は行の最大値を引いて計算）。

CBOW loss and gradients (book 2's SimpleCBOW, chapter 3, with word-id inputs). Formulas above.
Return (L, dW_in, dW_out): L a float, dW_in (V, H), dW_out (H, V). Repeated word ids (in one row or
across samples) add up their gradients. Scores s may reach about ±1000 (subtract the row max).
"""
import numpy as np


def cbow_loss_grad(contexts, target, W_in, W_out):
    # TODO: h, s, L を計算し、逆向きに dW_out, dW_in を求めて (L, dW_in, dW_out) を返す
    #       compute h, s, L, then dW_out and dW_in backwards; return (L, dW_in, dW_out)
    raise NotImplementedError("cbow_loss_grad: TODO を埋めてください / fill in the TODO")
