# expect: fail
# diagnosis: compare only with the kept ones
# mistake: a box is compared with every higher-scored box, also with those already suppressed
import numpy as np


def iou(a, b):
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    w = np.clip(np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0]), 0, None)
    h = np.clip(np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1]), 0, None)
    inter = w * h
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def nms(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    overlaps = iou(boxes, boxes)
    keep = []
    for rank, i in enumerate(order):
        earlier = order[:rank]
        if np.all(overlaps[i, earlier] <= iou_threshold):
            keep.append(i)
    return np.array(keep, dtype=np.int64)
