"""Scaled Dot-Product Attention を実装してください（"Attention Is All You Need" の式）。

attention(Q, K, V, mask=None) -> (output, weights)
  Q: (N, Tq, d)、K: (N, Tk, d)、V: (N, Tk, dv)、mask: None または bool の (N, Tq, Tk)（True = 見てはいけない位置）
  scores = Q K^T / √d  (N, Tq, Tk)。mask が True の位置の score を -1e9（または -inf）にしてから、
  キーの軸（最後の軸）で softmax（行の最大値を引く）。weights: (N, Tq, Tk)、output = weights V: (N, Tq, dv)。

Implement scaled dot-product attention ("Attention Is All You Need").
  Q: (N, Tq, d), K: (N, Tk, d), V: (N, Tk, dv), mask: None or a bool (N, Tq, Tk) array (True = blocked).
  scores = Q K^T / √d, shape (N, Tq, Tk); set the blocked scores to -1e9 (or -inf), then take the softmax
  over the key axis (the last axis), subtracting the row max. Return (weights @ V, weights).
"""
import numpy as np


def attention(Q, K, V, mask=None):
    # TODO: scores = Q K^T / √d（バッチごとに、K の最後の 2 軸を入れ替える）
    #       scores = Q K^T / √d (per batch: swap K's last two axes)
    # TODO: mask が True の位置を -1e9 に / set blocked positions to -1e9
    # TODO: 最後の軸で softmax（最大値を引く）、output = weights @ V
    #       softmax over the last axis (subtract the max), output = weights @ V
    raise NotImplementedError("attention: TODO を埋めてください / fill in the TODO")
