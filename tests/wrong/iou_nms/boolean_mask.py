# expect: fail
# diagnosis: you returned a boolean mask
# mistake: nms returns a mask of the kept boxes instead of their indices
import numpy as np


def iou(a, b):
    x1 = np.maximum(a[:, None, 0], b[None, :, 0])
    y1 = np.maximum(a[:, None, 1], b[None, :, 1])
    x2 = np.minimum(a[:, None, 2], b[None, :, 2])
    y2 = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.maximum(x2 - x1, 0) * np.maximum(y2 - y1, 0)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def nms(boxes, scores, iou_threshold):
    keep = np.zeros(len(scores), dtype=bool)
    for i in np.argsort(-scores, kind="stable"):
        keep[i] = np.all(iou(boxes[i : i + 1], boxes[keep])[0] <= iou_threshold)
    return keep
