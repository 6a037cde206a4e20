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
    # TODO: 点 (py[k], px[k]) を [0, H − 1] × [0, W − 1] に収め、4 近傍から双線形補間した値を (C, K) で返す
    #       clip the points (py[k], px[k]) to [0, H − 1] × [0, W − 1] and return the bilinear values, shape (C, K)
    raise NotImplementedError("bilinear: TODO を埋めてください / fill in the TODO")


def roi_align(x, rois, output_size, sampling_ratio):
    # TODO: RoI ごと・ビンごとに s × s 個の標本点を補間して平均し、(R, C, ph, pw) を返す（丸めない）
    #       per RoI and bin, interpolate s × s sample points and average them; return (R, C, ph, pw) (no rounding)
    raise NotImplementedError("roi_align: TODO を埋めてください / fill in the TODO")
