"""Hidden tests for `fcos_centerness`: FCOS's (l, t, r, b) targets, the inside mask and the centerness.

Each case: P points (P not 2 or 4), one box per point; most points inside their box at random, the
others outside (left of, above, or beyond the box, so l, t, r and b each go negative somewhere, and
some outside point has both ratios negative, which makes an unmasked product positive). Every case
also holds a point exactly on an edge (l = 0: outside, > rather than >=), an inside point with its
smallest distance under 1, and an outside point with its most negative distance over −1.
Boxes are not centred on the points, so swapping l and r (or t and b) shows in ltrb.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases


def _inputs(rng) -> list[dict]:
    cases = []
    for P in (6, 9, 13):
        xy = rng.uniform(0.0, 20.0, size=(P, 2))
        wh = rng.uniform(3.0, 9.0, size=(P, 2))
        boxes = np.concatenate([xy, xy + wh], axis=1)
        u = rng.uniform(0.1, 0.9, size=(P, 2))
        points = boxes[:, :2] + u * wh  # inside
        points[0] = (boxes[0, 0], points[0, 1])  # on the left edge: l = 0
        points[1] = (boxes[1, 0] + 0.5, boxes[1, 1] + 0.75 * wh[1, 1])  # inside, l = 0.5
        points[2] = (boxes[2, 0] - 0.5, boxes[2, 1] + 0.3 * wh[2, 1])  # outside, l = -0.5
        points[3] = (boxes[3, 0] - 2.0, boxes[3, 1] - 1.5)  # outside to the upper left: l, t < 0
        points[4] = (boxes[4, 2] + 1.0, boxes[4, 1] + 0.6 * wh[4, 1])  # outside to the right: r < 0
        points[5] = (boxes[5, 0] + 0.2 * wh[5, 0], boxes[5, 3] + 2.0)  # outside below: b < 0
        cases.append({"points": points, "boxes": boxes})
    return cases


def _ltrb(c, *, swap_lr=False, swap_tb=False, sign=1.0):
    x, y = c["points"][:, 0], c["points"][:, 1]
    l, t = x - c["boxes"][:, 0], y - c["boxes"][:, 1]
    r, b = c["boxes"][:, 2] - x, c["boxes"][:, 3] - y
    if swap_lr:
        l, r = r, l
    if swap_tb:
        t, b = b, t
    return sign * np.stack([l, t, r, b], axis=1)


def _inside(c, strict=True):
    m = _ltrb(c).min(axis=1)
    return m > 0 if strict else m >= 0


def _centerness(c, *, sqrt=True, swapped=False, masked=True):
    l, t, r, b = _ltrb(c).T
    with np.errstate(divide="ignore", invalid="ignore"):
        if swapped:
            v = np.maximum(l, r) / np.minimum(l, r) * (np.maximum(t, b) / np.minimum(t, b))
        else:
            v = np.minimum(l, r) / np.maximum(l, r) * (np.minimum(t, b) / np.maximum(t, b))
        v = np.sqrt(v) if sqrt else v
    return np.where(_inside(c), v, 0.0) if masked else v


def _call(learner, c):
    res = learner.fcos_targets(c["points"], c["boxes"])
    return res if isinstance(res, tuple) and len(res) == 3 else (None, None, None)


def _run_ltrb(learner, c) -> dict:
    return {"ltrb": _call(learner, c)[0]}


def _run_inside(learner, c) -> dict:
    return {"inside": _call(learner, c)[2]}


def _run_centerness(learner, c) -> dict:
    return {"centerness": _call(learner, c)[1]}


LTRB_VARIANTS = (
    Variant(
        "l_r_swapped",
        lambda c: {"ltrb": _ltrb(c, swap_lr=True)},
        ja="l と r が入れ替わっています。l は点から左の辺までの距離 x − x1、r は右の辺までの距離 x2 − x です。",
        en="l and r are swapped: l is the distance from the point to the left edge, x − x1, and r to the right "
        "edge, x2 − x.",
    ),
    Variant(
        "t_b_swapped",
        lambda c: {"ltrb": _ltrb(c, swap_tb=True)},
        ja="t と b が入れ替わっています。t は上の辺までの距離 y − y1、b は下の辺までの距離 y2 − y です"
        "（画像座標では y は下向きに増えます）。",
        en="t and b are swapped: t is the distance to the top edge, y − y1, and b to the bottom edge, y2 − y "
        "(in image coordinates y grows downwards).",
    ),
    Variant(
        "sign_flipped",
        lambda c: {"ltrb": _ltrb(c, sign=-1.0)},
        ja="符号が逆です（矩形の座標 − 点の座標）。内側の点で 4 つの距離がすべて正になるように: l = x − x1、"
        "t = y − y1、r = x2 − x、b = y2 − y。",
        en="the signs are flipped (box coordinate − point coordinate): all four distances are positive for an "
        "inside point, l = x − x1, t = y − y1, r = x2 − x, b = y2 − y.",
    ),
)

INSIDE_VARIANTS = (
    Variant(
        "edge_inside",
        lambda c: {"inside": _inside(c, strict=False)},
        ja="辺の上の点（距離がちょうど 0）を内側に数えています（>=）。内側は min(l, t, r, b) > 0 です"
        "（FCOS の実装と同じ）。",
        en="a point on an edge (a distance of exactly 0) counts as inside (>=): inside means min(l, t, r, b) > 0, "
        "as in FCOS's implementation.",
    ),
)

CENTERNESS_VARIANTS = (
    Variant(
        "no_sqrt",
        lambda c: {"centerness": _centerness(c, sqrt=False)},
        ja="平方根が抜けています: centerness = sqrt(min(l, r)/max(l, r) · min(t, b)/max(t, b))。平方根で、"
        "中心から離れたときの減り方をゆるやかにしています。",
        en="the square root is missing: centerness = sqrt(min(l, r)/max(l, r) · min(t, b)/max(t, b)); the root "
        "slows down how fast it decays away from the centre.",
    ),
    Variant(
        "max_over_min",
        lambda c: {"centerness": _centerness(c, swapped=True)},
        ja="max と min が逆です（max/min は 1 以上になります）。min(l, r)/max(l, r) で、中心で 1、辺に近づくほど 0 に"
        "近づきます。",
        en="max and min are swapped (max/min is at least 1): min(l, r)/max(l, r) is 1 at the centre and tends "
        "to 0 towards an edge.",
    ),
    Variant(
        "outside_not_zeroed",
        lambda c: {"centerness": _centerness(c, masked=False)},
        ja="外側の点にもセンターネスの式を使っています（負の距離で nan や意味のない正の値になります）。外側の点の"
        "センターネスは 0 にします: np.where(inside, ..., 0.0) や centerness[inside] = ...。",
        en="the centerness formula is applied to outside points too (negative distances give nan or meaningless "
        "positive values): outside points get 0, e.g. np.where(inside, ..., 0.0) or centerness[inside] = ....",
    ),
)

CHECKS = {
    "ltrb": Cases(inputs=_inputs, run=_run_ltrb, expected=lambda c: {"ltrb": _ltrb(c)}, variants=LTRB_VARIANTS),
    "inside": Cases(
        inputs=_inputs, run=_run_inside, expected=lambda c: {"inside": _inside(c)}, variants=INSIDE_VARIANTS
    ),
    "centerness": Cases(
        inputs=_inputs,
        run=_run_centerness,
        expected=lambda c: {"centerness": _centerness(c)},
        variants=CENTERNESS_VARIANTS,
    ),
}
