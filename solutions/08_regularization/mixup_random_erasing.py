"""ミニバッチの MixUp と Random Erasing を実装してください（乱数は引数で与えます）。

mixup(x, t, lam, perm) -> (x_mix, t_mix)
  x: (N, C, H, W)、t: one-hot ラベル (N, K)、lam: 0 < λ < 1、perm: 0..N−1 の並べ替え (N,)
  x_mix = λ·x + (1 − λ)·x[perm]、t_mix = λ·t + (1 − λ)·t[perm]
random_erasing(x, apply, top, left, h, w, value) -> out
  apply[n] が True のサンプル n だけ、全チャンネルの行 top[n]〜top[n]+h[n]−1、列 left[n]〜left[n]+w[n]−1 を value[n] にする
どちらも x と t を書き換えず、新しい配列を返します。

Implement MixUp of a mini-batch and Random Erasing (the random numbers are given as arguments).
mixup(x, t, lam, perm) -> (x_mix, t_mix)
  x: (N, C, H, W), t: one-hot labels (N, K), lam: 0 < λ < 1, perm: a permutation of 0..N−1, shape (N,)
  x_mix = λ·x + (1 − λ)·x[perm], t_mix = λ·t + (1 − λ)·t[perm]
random_erasing(x, apply, top, left, h, w, value) -> out
  only for the samples n with apply[n] True, set rows top[n] to top[n]+h[n]−1 and columns left[n] to
  left[n]+w[n]−1 of every channel to value[n]
Neither changes x or t; both return new arrays.
"""
import numpy as np


def mixup(x, t, lam, perm):
    # TODO: 画像とラベルを同じ λ で、並べ替えた相手 x[perm]、t[perm] と混ぜる
    #       mix the images and the labels with the same λ and the permuted partners x[perm], t[perm]
    x_mix = lam * x + (1 - lam) * x[perm]
    t_mix = lam * t + (1 - lam) * t[perm]
    return x_mix, t_mix


def random_erasing(x, apply, top, left, h, w, value):
    # TODO: x のコピーに、apply[n] が True のサンプルだけ長方形を value[n] で塗る
    #       on a copy of x, fill the rectangle with value[n] for the samples whose apply[n] is True
    out = x.copy()
    for n in range(x.shape[0]):
        if apply[n]:
            out[n, :, top[n] : top[n] + h[n], left[n] : left[n] + w[n]] = value[n]
    return out
