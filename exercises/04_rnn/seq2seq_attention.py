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
        # TODO: hs (N, T, H) を a (N, T) で重み付けして時刻について足した c (N, H) を返す（backward 用に self.cache へ保存）
        #       return c (N, H), hs (N, T, H) weighted by a (N, T) and summed over time (keep what backward needs in self.cache)
        raise NotImplementedError("WeightSum.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dc):
        # TODO: dc (N, H) から (dhs (N, T, H), da (N, T)) を返す / from dc (N, H), return (dhs (N, T, H), da (N, T))
        raise NotImplementedError("WeightSum.backward: TODO を埋めてください / fill in the TODO")


class AttentionWeight:
    def __init__(self):
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, hs, h):
        # TODO: スコア hs[n, t] · h[n] を時刻の軸で softmax した a (N, T) を返す（最大値を引いてから exp）
        #       return a (N, T), the softmax over time of the scores hs[n, t] · h[n] (subtract the maximum before exp)
        raise NotImplementedError("AttentionWeight.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, da):
        # TODO: da (N, T) から (dhs (N, T, H), dh (N, H)) を返す / from da (N, T), return (dhs (N, T, H), dh (N, H))
        raise NotImplementedError("AttentionWeight.backward: TODO を埋めてください / fill in the TODO")


class Attention:
    def __init__(self):
        self.params, self.grads = [], []
        self.attention_weight_layer = AttentionWeight()
        self.weight_sum_layer = WeightSum()
        self.attention_weight = None

    def forward(self, hs, h):
        # TODO: a を求めて self.attention_weight に置き、c (N, H) を返す / compute a, keep it in self.attention_weight, return c (N, H)
        raise NotImplementedError("Attention.forward: TODO を埋めてください / fill in the TODO")

    def backward(self, dc):
        # TODO: 2 つのレイヤを逆順にたどり (dhs, dh) を返す（dhs は 2 つの経路の和）
        #       go back through both layers in reverse order and return (dhs, dh) (dhs sums both paths)
        raise NotImplementedError("Attention.backward: TODO を埋めてください / fill in the TODO")
