"""アンカーボックスと正解ボックスのオフセット (tx, ty, tw, th) への変換（encode）と、その逆（decode）を実装してください。

ボックスは (x1, y1, x2, y2) の形状 (N, 4) の float64 配列（幅 = x2 − x1、高さ = y2 − y1。"+1" はしません）。
encode(anchors, gt) -> offsets: (N, 4)
  tx = (gx − ax) / aw、ty = (gy − ay) / ah、tw = log(gw / aw)、th = log(gh / ah)
  （ax, ay, gx, gy は中心、aw, ah, gw, gh は幅と高さ）
decode(anchors, offsets) -> boxes: (N, 4)（encode の逆、(x1, y1, x2, y2) で返す）

Implement the conversion of anchor boxes and ground-truth boxes to offsets (tx, ty, tw, th) (encode), and its
inverse (decode).
Boxes are float64 arrays (x1, y1, x2, y2) of shape (N, 4) (width = x2 − x1, height = y2 − y1; no "+1").
encode(anchors, gt) -> offsets, shape (N, 4)
  tx = (gx − ax) / aw, ty = (gy − ay) / ah, tw = log(gw / aw), th = log(gh / ah)
  (ax, ay, gx, gy are centres; aw, ah, gw, gh widths and heights)
decode(anchors, offsets) -> boxes, shape (N, 4) (the inverse of encode, as (x1, y1, x2, y2))
"""

import numpy as np


def _center_size(boxes):
    w = boxes[:, 2] - boxes[:, 0]
    h = boxes[:, 3] - boxes[:, 1]
    cx = boxes[:, 0] + 0.5 * w
    cy = boxes[:, 1] + 0.5 * h
    return cx, cy, w, h


def encode(anchors, gt):
    ax, ay, aw, ah = _center_size(anchors)
    gx, gy, gw, gh = _center_size(gt)
    tx = (gx - ax) / aw
    ty = (gy - ay) / ah
    tw = np.log(gw / aw)
    th = np.log(gh / ah)
    return np.stack([tx, ty, tw, th], axis=1)


def decode(anchors, offsets):
    ax, ay, aw, ah = _center_size(anchors)
    cx = ax + offsets[:, 0] * aw
    cy = ay + offsets[:, 1] * ah
    w = aw * np.exp(offsets[:, 2])
    h = ah * np.exp(offsets[:, 3])
    return np.stack([cx - 0.5 * w, cy - 0.5 * h, cx + 0.5 * w, cy + 0.5 * h], axis=1)
