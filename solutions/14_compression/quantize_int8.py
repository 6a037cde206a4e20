"""int8 への対称線形量子化と逆量子化 / Symmetric linear int8 quantisation and dequantisation."""
import numpy as np


def quantize(x, scale=None):
    if scale is None:
        scale = float(np.max(np.abs(x))) / 127.0         # the largest |x| maps to ±127
    q = np.round(x / scale)                               # round half to even
    q = np.clip(q, -127, 127).astype(np.int8)             # symmetric range, no -128
    return q, scale


def dequantize(q, scale):
    return q.astype(np.float64) * scale
