"""IoU と NMS / IoU and non-maximum suppression."""

import numpy as np


def iou(a, b):
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    # the intersection of every pair, by broadcasting (N, 1) against (1, M)
    w = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    h = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    inter = np.clip(w, 0.0, None) * np.clip(h, 0.0, None)  # a negative width means no overlap
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def nms(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")  # decreasing score, equal scores by index
    overlaps = iou(boxes, boxes)
    keep = []
    for i in order:
        if np.all(overlaps[i, keep] <= iou_threshold):  # compared with the kept boxes only
            keep.append(i)
    return np.array(keep, dtype=np.int64)
