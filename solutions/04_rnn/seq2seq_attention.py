"""seq2seq のアテンション: AttentionWeight・WeightSum・Attention レイヤ（ゼロから作るDeep Learning 2, 8 章）/
attention in seq2seq: the AttentionWeight, WeightSum and Attention layers (book 2, chapter 8).

2 巻の API（self.params と self.grads は空のリスト）で、3 つのレイヤの forward と backward を完成させてください。
  hs: (N, T, H) はエンコーダの全時刻の隠れ状態、h: (N, H) はデコーダのその時刻の隠れ状態です。
  WeightSum.forward(hs, a): a (N, T) で hs を時刻について重み付けして足した c (N, H) を返します。
    backward(dc): dc (N, H) から (dhs, da) を返します。
  AttentionWeight.forward(hs, h): スコア s[n, t] = hs[n, t] · h[n]（内積、スケーリングなし）を時刻の軸で softmax した
    a (N, T) を返します（各行の最大値を引いてから exp）。backward(da): da (N, T) から (dhs, dh) を返します。
  Attention.forward(hs, h): a = AttentionWeight、c = WeightSum で c (N, H) を返し、a を self.attention_weight に置きます。
    backward(dc): (dhs, dh) を返します。dhs は 2 つのレイヤからの勾配の和です。
  1 つのオブジェクトの forward / backward を、形を変えて何度も呼びます。

Complete forward and backward of the three layers with book 2's API (self.params and self.grads are empty lists).
  hs: (N, T, H) holds the encoder's hidden states at every step, h: (N, H) the decoder's hidden state at this step.
  WeightSum.forward(hs, a): return c (N, H), hs weighted by a (N, T) and summed over time.
    backward(dc): from dc (N, H), return (dhs, da).
  AttentionWeight.forward(hs, h): return a (N, T), the softmax over the time axis of the scores
    s[n, t] = hs[n, t] · h[n] (the dot product, unscaled), subtracting each row's maximum before exp.
    backward(da): from da (N, T), return (dhs, dh).
  Attention.forward(hs, h): a from AttentionWeight, c from WeightSum; return c (N, H) and keep a in
    self.attention_weight. backward(dc): return (dhs, dh); dhs is the sum of the gradients from both layers.
  One object's forward / backward are called many times, with different shapes.
"""
import numpy as np


class WeightSum:
    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, hs, a):
        self.cache = (hs, a)
        return np.sum(hs * a[:, :, np.newaxis], axis=1)

    def backward(self, dc):
        hs, a = self.cache
        dhs = dc[:, np.newaxis, :] * a[:, :, np.newaxis]
        da = np.sum(dc[:, np.newaxis, :] * hs, axis=2)
        return dhs, da


class AttentionWeight:
    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, hs, h):
        s = np.sum(hs * h[:, np.newaxis, :], axis=2)
        e = np.exp(s - s.max(axis=1, keepdims=True))
        a = e / e.sum(axis=1, keepdims=True)
        self.cache = (hs, h, a)
        return a

    def backward(self, da):
        hs, h, a = self.cache
        ds = a * (da - np.sum(a * da, axis=1, keepdims=True))
        dhs = ds[:, :, np.newaxis] * h[:, np.newaxis, :]
        dh = np.sum(ds[:, :, np.newaxis] * hs, axis=1)
        return dhs, dh


class Attention:
    def __init__(self):
        self.params, self.grads = [], []
        self.attention_weight_layer = AttentionWeight()
        self.weight_sum_layer = WeightSum()
        self.attention_weight = None

    def forward(self, hs, h):
        a = self.attention_weight_layer.forward(hs, h)
        self.attention_weight = a
        return self.weight_sum_layer.forward(hs, a)

    def backward(self, dc):
        dhs0, da = self.weight_sum_layer.backward(dc)
        dhs1, dh = self.attention_weight_layer.backward(da)
        return dhs0 + dhs1, dh
