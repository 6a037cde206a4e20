# expect: pass
# form: one point at a time, with Python's min and max
import math

import numpy as np


def fcos_targets(points, boxes):
    P = len(points)
    ltrb = np.zeros((P, 4))
    centerness = np.zeros(P)
    inside = np.zeros(P, dtype=bool)
    for i in range(P):
        x, y = points[i]
        x1, y1, x2, y2 = boxes[i]
        l, t, r, b = x - x1, y - y1, x2 - x, y2 - y
        ltrb[i] = (l, t, r, b)
        if min(l, t, r, b) > 0:
            inside[i] = True
            centerness[i] = math.sqrt(min(l, r) / max(l, r) * min(t, b) / max(t, b))
    return ltrb, centerness, inside
