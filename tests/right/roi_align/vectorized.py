# expect: pass
# right: all sample points of one RoI at once with broadcasting, bilinear weights written with np.stack
import numpy as np


def bilinear(x, py, px):
    H, W = x.shape[1:]
    py = np.clip(py, 0, H - 1)
    px = np.clip(px, 0, W - 1)
    y0 = np.floor(py).astype(int)
    x0 = np.floor(px).astype(int)
    y1 = np.minimum(y0 + 1, H - 1)
    x1 = np.minimum(x0 + 1, W - 1)
    wy = py - y0
    wx = px - x0
    top = x[:, y0, x0] * (1 - wx) + x[:, y0, x1] * wx
    bottom = x[:, y1, x0] * (1 - wx) + x[:, y1, x1] * wx
    return top * (1 - wy) + bottom * wy


def roi_align(x, rois, output_size, sampling_ratio):
    ph, pw = output_size
    s = sampling_ratio
    C = x.shape[0]
    outs = []
    for x1, y1, x2, y2 in rois:
        ys = y1 + (np.arange(ph * s) + 0.5) * (y2 - y1) / (ph * s)
        xs = x1 + (np.arange(pw * s) + 0.5) * (x2 - x1) / (pw * s)
        gy, gx = np.meshgrid(ys, xs, indexing="ij")
        v = bilinear(x, gy.ravel(), gx.ravel()).reshape(C, ph, s, pw, s)
        outs.append(v.mean(axis=(2, 4)))
    return np.stack(outs)
