"""FCOS の回帰目標 (l, t, r, b) とセンターネス / FCOS regression targets (l, t, r, b) and centerness."""

import numpy as np


def fcos_targets(points, boxes):
    x, y = points[:, 0], points[:, 1]
    ltrb = np.stack([x - boxes[:, 0], y - boxes[:, 1], boxes[:, 2] - x, boxes[:, 3] - y], axis=1)
    inside = ltrb.min(axis=1) > 0  # strictly inside: a point on an edge is outside
    l, t, r, b = ltrb[inside].T
    centerness = np.zeros(len(points))
    centerness[inside] = np.sqrt(np.minimum(l, r) / np.maximum(l, r) * (np.minimum(t, b) / np.maximum(t, b)))
    return ltrb, centerness, inside
