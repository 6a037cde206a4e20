"""Transformer のエンコーダ 1 層（Post-LN）の順伝播 / forward pass of one Transformer encoder layer (post-LN).

encoder_block(x, pad_mask, p, h) を完成させてください（「Attention Is All You Need」の元の形、Post-LN）。
  x: (N, T, D) float64、pad_mask: (N, T) bool（True がパディングの位置）、h: ヘッド数（D を割り切る）、d_k = D / h。
  p: 重みの dict。Wq, Wk, Wv, Wo: (D, D)（バイアスなし）、W1: (D, F), b1: (F,), W2: (F, D), b2: (D,)、
     LayerNorm の g1, be1, g2, be2: (D,)。
  Q = x @ Wq（K, V も同様）の最後の軸を h 個の連続したブロックに分け、ヘッド j は列 j*d_k 〜 (j+1)*d_k − 1 を使います。
  各ヘッド: softmax(Q K^T / sqrt(d_k)) V。パディングの位置のキーはスコアを −∞（または −1e9）にして、softmax は
  キーの軸（最後の軸）でとります。h 個の出力をヘッドの順に連結して (N, T, D) に戻し、Wo を掛けます。
  x1 = LayerNorm(x + MHA(x))、out = LayerNorm(x1 + FFN(x1))、FFN(z) = max(0, z @ W1 + b1) @ W2 + b2。
  LayerNorm(z) は最後の軸で平均と分散（個数で割る）をとり、g * (z − mu) / sqrt(var + 1e-5) + be。
  パディングの位置の出力も同じように計算します（0 にしません）。out (N, T, D) を返します。

Complete encoder_block(x, pad_mask, p, h) (the original form of "Attention Is All You Need", post-LN).
  x: (N, T, D) float64, pad_mask: (N, T) bool (True at padding positions), h: number of heads (divides D), d_k = D / h.
  p: a dict of weights. Wq, Wk, Wv, Wo: (D, D) (no biases), W1: (D, F), b1: (F,), W2: (F, D), b2: (D,),
     and LayerNorm's g1, be1, g2, be2: (D,).
  Cut the last axis of Q = x @ Wq (and of K, V) into h consecutive blocks: head j uses the columns j*d_k to (j+1)*d_k − 1.
  Each head: softmax(Q K^T / sqrt(d_k)) V. The scores of padding keys are set to −inf (or −1e9), and the softmax runs
  over the keys (the last axis). Concatenate the h outputs in head order back to (N, T, D) and multiply by Wo.
  x1 = LayerNorm(x + MHA(x)), out = LayerNorm(x1 + FFN(x1)), FFN(z) = max(0, z @ W1 + b1) @ W2 + b2.
  LayerNorm(z) takes the mean and variance (divided by the count) over the last axis: g * (z − mu) / sqrt(var + 1e-5) + be.
  Padding positions get their outputs computed the same way (not zeroed). Return out (N, T, D).
"""
import numpy as np


def layer_norm(z, g, be, eps=1e-5):
    # TODO: 最後の軸で平均と分散（個数で割る）をとり、g * (z − mu) / sqrt(var + eps) + be を返す
    #       mean and variance (divided by the count) over the last axis; return g * (z − mu) / sqrt(var + eps) + be
    raise NotImplementedError("layer_norm: TODO を埋めてください / fill in the TODO")


def softmax(s):
    # TODO: 最後の軸の最大値を引いてから softmax をとる / softmax over the last axis, after subtracting its maximum
    raise NotImplementedError("softmax: TODO を埋めてください / fill in the TODO")


def multi_head_attention(x, pad_mask, p, h):
    # TODO: Q, K, V を (N, h, T, d_k) に分け、スケール付き内積のスコアでパディングのキーを隠して softmax（キーの軸）、
    #       V を重み付けして (N, T, D) に戻し Wo を掛ける
    #       split Q, K, V into (N, h, T, d_k), hide padding keys in the scaled dot-product scores, softmax over the keys,
    #       weight V, merge back to (N, T, D) and multiply by Wo
    raise NotImplementedError("multi_head_attention: TODO を埋めてください / fill in the TODO")


def encoder_block(x, pad_mask, p, h):
    # TODO: x1 = LayerNorm(x + MHA(x))、out = LayerNorm(x1 + FFN(x1)) を返す（Post-LN）
    #       return out = LayerNorm(x1 + FFN(x1)) with x1 = LayerNorm(x + MHA(x)) (post-LN)
    raise NotImplementedError("encoder_block: TODO を埋めてください / fill in the TODO")
