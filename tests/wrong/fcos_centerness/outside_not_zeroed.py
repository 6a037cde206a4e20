# expect: fail
# diagnosis: the centerness formula is applied to outside points too
# mistake: the centerness is computed for every point, and the mask is not applied to it
import numpy as np


def fcos_targets(points, boxes):
    x, y = points[:, 0], points[:, 1]
    l, t = x - boxes[:, 0], y - boxes[:, 1]
    r, b = boxes[:, 2] - x, boxes[:, 3] - y
    ltrb = np.stack([l, t, r, b], axis=1)
    inside = ltrb.min(axis=1) > 0
    centerness = np.sqrt((np.minimum(l, r) / np.maximum(l, r)) * (np.minimum(t, b) / np.maximum(t, b)))
    return ltrb, centerness, inside
