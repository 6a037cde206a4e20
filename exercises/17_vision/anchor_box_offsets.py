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


def encode(anchors, gt):
    # TODO: 両方のボックスを中心・幅・高さに直し、(tx, ty, tw, th) を (N, 4) で返す
    #       convert both boxes to centre, width and height, and return (tx, ty, tw, th) as (N, 4)
    raise NotImplementedError("encode: TODO を埋めてください / fill in the TODO")


def decode(anchors, offsets):
    # TODO: オフセットから中心・幅・高さを戻し、(x1, y1, x2, y2) を (N, 4) で返す
    #       recover centre, width and height from the offsets, and return (x1, y1, x2, y2) as (N, 4)
    raise NotImplementedError("decode: TODO を埋めてください / fill in the TODO")
