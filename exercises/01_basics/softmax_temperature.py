"""温度つき softmax とその交差エントロピーの勾配 / softmax with a temperature, and its cross-entropy gradient.

2 つの関数を完成させてください。z は logits で形状 (N, C)（N = バッチ数、C = クラス数）、T は温度（T > 0）です。
  softmax_temperature(z, T): 各行の softmax(z / T) を (N, C) で返します。行の最大値を引いて、logits が
                             1000 を超えてもあふれないようにします。渡された z は書き換えません。
  temperature_ce_grad(z, t, T): t は正解ラベル (N,)（整数）。L = −(1/N) Σ_n log softmax(z / T)[n, t[n]] の
                             z についての勾配 (N, C) を返します。
T > 1 で分布は平らになり、T → 0 で argmax の one-hot に近づきます。

Complete both functions. z are logits of shape (N, C) (N = batch size, C = classes), T is the temperature (T > 0).
  softmax_temperature(z, T): return the row-wise softmax(z / T), shaped (N, C). Subtract the row max so that
                             logits above 1000 do not overflow. Leave the z passed in unchanged.
  temperature_ce_grad(z, t, T): t are the labels (N,) (integers). Return the gradient (N, C) with respect to z
                             of L = −(1/N) Σ_n log softmax(z / T)[n, t[n]].
T > 1 flattens the distribution; as T → 0 it approaches the one-hot of the argmax.
"""
import numpy as np


def softmax_temperature(z, T):
    """各行の softmax(z / T)。z: (N, C)、T > 0 / row-wise softmax(z / T), z: (N, C), T > 0."""
    # TODO: z / T の各行から最大値を引いて exp をとり、行の和で割る
    #       subtract each row's max from z / T, take exp, divide by the row sum
    raise NotImplementedError("softmax_temperature: TODO を埋めてください / fill in the TODO")


def temperature_ce_grad(z, t, T):
    """L = −(1/N) Σ log softmax(z / T)[n, t[n]] の z についての勾配 (N, C) / dL/dz, shaped (N, C)."""
    # TODO: y = softmax_temperature(z, T) と t の one-hot から勾配を作る（温度とバッチの平均を忘れずに）
    #       build the gradient from y = softmax_temperature(z, T) and t's one-hot (mind T and the batch mean)
    raise NotImplementedError("temperature_ce_grad: TODO を埋めてください / fill in the TODO")
