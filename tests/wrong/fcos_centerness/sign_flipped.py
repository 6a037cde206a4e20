# expect: fail
# diagnosis: the signs are flipped
# mistake: distances written as box coordinate minus point coordinate
import numpy as np


def fcos_targets(points, boxes):
    x, y = points[:, :1], points[:, 1:]
    ltrb = np.concatenate([boxes[:, :1] - x, boxes[:, 1:2] - y, x - boxes[:, 2:3], y - boxes[:, 3:]], axis=1)
    inside = np.all(ltrb < 0, axis=1)
    d = np.abs(ltrb)
    lr = d[:, [0, 2]].min(axis=1) / d[:, [0, 2]].max(axis=1)
    tb = d[:, [1, 3]].min(axis=1) / d[:, [1, 3]].max(axis=1)
    return ltrb, np.where(inside, np.sqrt(lr * tb), 0.0), inside
