# expect: fail
# diagnosis: exact halves are rounded away from 0
# mistake: "round half away from zero" written by hand instead of np.round
import numpy as np


def quantize(x, scale=None):
    if scale is None:
        scale = np.abs(x).max() / 127
    v = x / scale
    q = np.sign(v) * np.floor(np.abs(v) + 0.5)
    return np.clip(q, -127, 127).astype(np.int8), scale


def dequantize(q, scale):
    return q.astype(np.float64) * scale
