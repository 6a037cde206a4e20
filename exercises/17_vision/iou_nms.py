"""矩形の IoU と NMS（Non-Maximum Suppression）を実装してください。

矩形は (x1, y1, x2, y2)（x2 > x1、y2 > y1、幅は x2 − x1 で「+1」はしない）。
iou(a, b): a (N, 4) と b (M, 4) のすべての組の IoU (N, M)。重ならない組は 0。
nms(boxes, scores, iou_threshold): スコアの大きい順に見て、残した矩形との IoU が
  iou_threshold より大きい（>）矩形を捨てる。残した添字を int の配列で、スコアの大きい順に返す。
  同じスコアは添字の小さい方が先。矩形が 0 個なら空の int 配列。

Implement the IoU of boxes and NMS (non-maximum suppression).
A box is (x1, y1, x2, y2) with x2 > x1, y2 > y1 (width x2 − x1, no "+1").
iou(a, b): the IoU of every pair of a (N, 4) and b (M, 4), shape (N, M); 0 for boxes that do not overlap.
nms(boxes, scores, iou_threshold): go through the boxes by decreasing score and drop a box whose IoU with a
  kept box is greater than (>) iou_threshold. Return the kept indices as an int array, by decreasing score;
  equal scores: the lower index first. No boxes: an empty int array.
"""

import numpy as np


def iou(a, b):
    # TODO: 各組の交わりの幅・高さ（負なら 0）、面積、和集合 = 面積の和 − 交わり、IoU (N, M)
    #       each pair's intersection width and height (0 if negative), the areas,
    #       union = sum of the areas − intersection, IoU (N, M)
    raise NotImplementedError("iou: TODO を埋めてください / fill in the TODO")


def nms(boxes, scores, iou_threshold):
    # TODO: スコアの降順（同点は添字の小さい方が先）に見て、残した矩形との IoU が閾値より大きければ捨てる
    #       go by decreasing score (ties: lower index first); drop a box whose IoU with a kept box exceeds
    #       the threshold; return the kept indices as an int array
    raise NotImplementedError("nms: TODO を埋めてください / fill in the TODO")
