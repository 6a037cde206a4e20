"""word2vec の負例サンプリング（Negative Sampling）の損失と、その h による勾配（2 巻 4 章）。

h (N, H): 中間層の出力、W_out (V, H): 出力側の単語ベクトル（行 W_out[k] が単語 ID k）、
target (N,): 正解の単語 ID、negatives (N, K): 負例の単語 ID（サンプルごとに K 個）。
スコアは内積: s_pos[n] = h[n]·W_out[target[n]]、s_neg[n, k] = h[n]·W_out[negatives[n, k]]。
正例はラベル 1、負例はラベル 0 のシグモイド交差エントロピーで、バッチについては平均します:
    L = (1/N) Σ_n [ −log σ(s_pos[n]) − Σ_k log(1 − σ(s_neg[n, k])) ]
(L, dh) を返してください。L は float、dh = ∂L/∂h (N, H)。

Negative-sampling loss of word2vec (book 2, chapter 4) and its gradient w.r.t. h. Shapes and formula
above: the positive word has label 1, the K negatives label 0, sigmoid cross-entropy, SUM over the
1 + K words of a sample and MEAN over the batch. Return (L, dh): L a float, dh = ∂L/∂h (N, H).
"""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def ns_loss(h, W_out, target, negatives):
    # TODO: スコア s_pos (N,), s_neg (N, K) を求め、L と dh を計算して (L, dh) を返す
    #       compute the scores s_pos (N,) and s_neg (N, K), then L and dh; return (L, dh)
    raise NotImplementedError("ns_loss: TODO を埋めてください / fill in the TODO")
