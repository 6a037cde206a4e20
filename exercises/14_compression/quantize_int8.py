"""int8 への対称線形量子化（per-tensor）と逆量子化を実装してください。

quantize(x, scale=None) -> (q, scale)
  x: float 配列（任意の形状）。scale が None なら scale = max|x| / 127（x はすべて 0 ではない）。
  q = clip(np.round(x / scale), -127, 127) を np.int8 にしたもの（形状は x と同じ）。
  scale が与えられたら（別のデータで決めた値）それを使います。x / scale が範囲外になることがあります。
dequantize(q, scale) -> q を float64 にして scale を掛けたもの。

Implement symmetric linear (per-tensor) int8 quantisation and dequantisation.
quantize(x, scale=None) -> (q, scale): x is a float array of any shape. If scale is None, scale = max|x| / 127
(x is never all zeros). q = clip(np.round(x / scale), -127, 127) as np.int8, same shape as x. A given scale
(calibrated on other data) is used as it is; x / scale may then fall outside the range.
dequantize(q, scale) -> q as float64 times scale.
"""
import numpy as np


def quantize(x, scale=None):
    # TODO: scale を決め、丸めて、[-127, 127] に clip し、np.int8 にする
    #       choose the scale, round, clip to [-127, 127], convert to np.int8
    raise NotImplementedError("quantize: TODO を埋めてください / fill in the TODO")


def dequantize(q, scale):
    # TODO: float に戻す / back to float
    raise NotImplementedError("dequantize: TODO を埋めてください / fill in the TODO")
