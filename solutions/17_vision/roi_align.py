"""RoI Align（Mask R-CNN）の順伝播を実装してください。1 枚の画像の特徴マップだけを扱います。

roi_align(x, rois, output_size, sampling_ratio) -> (R, C, ph, pw)
  x: 特徴マップ (C, H, W)、rois: (R, 4) の (x1, y1, x2, y2)（特徴マップの座標、float）
  output_size = (ph, pw)、sampling_ratio = s（各ビンに s × s 個の標本点）
  ビンの大きさ = (y2 − y1) / ph、(x2 − x1) / pw（丸めない）。標本点はビンの中の相対位置 (i + 0.5) / s。
  各点を [0, H − 1] × [0, W − 1] に収めてから双線形補間し、ビンごとに s × s 点の平均をとる。

Implement the forward pass of RoI Align (Mask R-CNN), for the feature map of one image.
roi_align(x, rois, output_size, sampling_ratio) -> (R, C, ph, pw)
  x: feature map (C, H, W); rois: (R, 4) as (x1, y1, x2, y2) in feature-map coordinates (floats)
  output_size = (ph, pw); sampling_ratio = s (s × s sample points per bin)
  bin size = (y2 − y1) / ph and (x2 − x1) / pw (no rounding); sample points at bin-relative positions (i + 0.5) / s.
  Clip each point to [0, H − 1] × [0, W − 1], interpolate bilinearly, and average the s × s points of each bin.
"""

import numpy as np


def bilinear(x, py, px):
    H, W = x.shape[1], x.shape[2]
    py = np.clip(py, 0.0, H - 1.0)
    px = np.clip(px, 0.0, W - 1.0)
    y0 = np.floor(py).astype(int)
    x0 = np.floor(px).astype(int)
    y1 = np.minimum(y0 + 1, H - 1)
    x1 = np.minimum(x0 + 1, W - 1)
    ly = py - y0
    lx = px - x0
    return (
        (1 - ly) * (1 - lx) * x[:, y0, x0]
        + (1 - ly) * lx * x[:, y0, x1]
        + ly * (1 - lx) * x[:, y1, x0]
        + ly * lx * x[:, y1, x1]
    )


def roi_align(x, rois, output_size, sampling_ratio):
    ph, pw = output_size
    s = sampling_ratio
    C = x.shape[0]
    R = rois.shape[0]
    out = np.zeros((R, C, ph, pw))
    frac = (np.arange(s) + 0.5) / s
    for r in range(R):
        rx1, ry1, rx2, ry2 = rois[r]
        bin_h = (ry2 - ry1) / ph
        bin_w = (rx2 - rx1) / pw
        for i in range(ph):
            py = ry1 + (i + frac) * bin_h
            for j in range(pw):
                px = rx1 + (j + frac) * bin_w
                gy, gx = np.meshgrid(py, px, indexing="ij")
                out[r, :, i, j] = bilinear(x, gy.ravel(), gx.ravel()).mean(axis=1)
    return out
