"""FCOS の回帰目標 (l, t, r, b) とセンターネスを実装してください。

点 (x, y) とその点に割り当てた矩形 (x1, y1, x2, y2) から
  l = x − x1、t = y − y1、r = x2 − x、b = y2 − y（すべての点について。外側の点では負の値もあります）
  inside: min(l, t, r, b) > 0（辺の上の点は外側）
  centerness = sqrt( min(l, r)/max(l, r) · min(t, b)/max(t, b) )（inside の点）、外側の点は 0。
戻り値は (ltrb (P, 4), centerness (P,), inside (P,) の bool)。

Implement FCOS's regression targets (l, t, r, b) and its centerness.
From a point (x, y) and the box (x1, y1, x2, y2) assigned to it:
  l = x − x1, t = y − y1, r = x2 − x, b = y2 − y (for every point; negative values occur outside)
  inside: min(l, t, r, b) > 0 (a point on an edge is outside)
  centerness = sqrt( min(l, r)/max(l, r) · min(t, b)/max(t, b) ) for inside points, 0 outside.
Return (ltrb (P, 4), centerness (P,), inside (P,) as bool).
"""

import numpy as np


def fcos_targets(points, boxes):
    # TODO: ltrb を列 l, t, r, b の順に (P, 4) で、inside の bool マスク、内側の点だけセンターネス（外側は 0）
    #       ltrb (P, 4) with columns l, t, r, b; the boolean mask inside; centerness for inside points (0 outside)
    raise NotImplementedError("fcos_targets: TODO を埋めてください / fill in the TODO")
