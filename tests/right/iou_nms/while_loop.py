# expect: pass
# form: the classic loop that shrinks the list of remaining boxes (a stable descending order)
import numpy as np


def iou(a, b):
    out = np.zeros((len(a), len(b)))
    for i in range(len(a)):
        for j in range(len(b)):
            w = max(0.0, min(a[i, 2], b[j, 2]) - max(a[i, 0], b[j, 0]))
            h = max(0.0, min(a[i, 3], b[j, 3]) - max(a[i, 1], b[j, 1]))
            inter = w * h
            union = (a[i, 2] - a[i, 0]) * (a[i, 3] - a[i, 1]) + (b[j, 2] - b[j, 0]) * (b[j, 3] - b[j, 1]) - inter
            out[i, j] = inter / union
    return out


def nms(boxes, scores, iou_threshold):
    order = sorted(range(len(scores)), key=lambda k: -scores[k])  # sorted() is stable
    keep = []
    while order:
        best = order.pop(0)
        keep.append(best)
        if order:
            o = iou(boxes[[best]], boxes[order])[0]
            order = [k for k, v in zip(order, o) if v <= iou_threshold]
    return np.array(keep, dtype=int)
