"""Hidden tests for `anchor_box_offsets`: Faster R-CNN's box parametrisation.

encode: tx = (gx − ax)/aw, ty = (gy − ay)/ah, tw = log(gw/aw), th = log(gh/ah) (centres, widths x2 − x1);
decode is its inverse. Anchors are drawn with aw != ah and centres away from 0, and the ground-truth boxes
with sizes far from the anchors', so a missing division, a missing log / exp, corners for centres, an
inverted ratio or swapped width and height all show.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SIZES = (5, 3, 7)


def _boxes(rng, n):
    cx = rng.uniform(20.0, 80.0, size=n)
    cy = rng.uniform(10.0, 60.0, size=n)
    w = rng.uniform(8.0, 40.0, size=n)
    h = w * rng.uniform(1.3, 2.5, size=n)
    if rng.uniform() < 0.5:
        w, h = h, w
    return np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1)


def _encode_inputs(rng) -> list[dict]:
    out = []
    for n in SIZES:
        anchors = _boxes(rng, n)
        gt = _boxes(rng, n)
        out.append({"anchors": anchors, "gt": gt})
    return out


def _decode_inputs(rng) -> list[dict]:
    out = []
    for n in SIZES:
        anchors = _boxes(rng, n)
        offsets = rng.normal(size=(n, 4)) * 0.6
        out.append({"anchors": anchors, "offsets": offsets})
    return out


def _cs(b):
    w = b[:, 2] - b[:, 0]
    h = b[:, 3] - b[:, 1]
    return b[:, 0] + w / 2, b[:, 1] + h / 2, w, h


def _enc(c, *, div=True, log=True, corners=False, inverted=False, swap=False, plus1=False):
    a, g = c["anchors"], c["gt"]
    ax, ay, aw, ah = _cs(a)
    gx, gy, gw, gh = _cs(g)
    if plus1:
        aw, ah, gw, gh = aw + 1, ah + 1, gw + 1, gh + 1
    if corners:
        ax, ay, gx, gy = a[:, 0], a[:, 1], g[:, 0], g[:, 1]
    dx, dy = (aw, ah) if not swap else (ah, aw)
    tx = (gx - ax) / dx if div else gx - ax
    ty = (gy - ay) / dy if div else gy - ay
    rw, rh = (gw / aw, gh / ah) if not inverted else (aw / gw, ah / gh)
    tw, th = (np.log(rw), np.log(rh)) if log else (rw, rh)
    return {"offsets": np.stack([tx, ty, tw, th], axis=1)}


def _dec(c, *, exp=True, mul=True, centres_out=False, full_half=False, swap=False):
    ax, ay, aw, ah = _cs(c["anchors"])
    t = c["offsets"]
    sx, sy = (aw, ah) if not swap else (ah, aw)
    cx = ax + t[:, 0] * sx if mul else ax + t[:, 0]
    cy = ay + t[:, 1] * sy if mul else ay + t[:, 1]
    w = aw * np.exp(t[:, 2]) if exp else aw * t[:, 2]
    h = ah * np.exp(t[:, 3]) if exp else ah * t[:, 3]
    if centres_out:
        return {"boxes": np.stack([cx, cy, w, h], axis=1)}
    k = 1.0 if full_half else 0.5
    return {"boxes": np.stack([cx - k * w, cy - k * h, cx + k * w, cy + k * h], axis=1)}


def _run_encode(learner, c) -> dict:
    return {"offsets": learner.encode(c["anchors"], c["gt"])}


def _run_decode(learner, c) -> dict:
    return {"boxes": learner.decode(c["anchors"], c["offsets"])}


def _run_roundtrip(learner, c) -> dict:
    return {"boxes": learner.decode(c["anchors"], learner.encode(c["anchors"], c["gt"]))}


ENCODE_VARIANTS = (
    Variant(
        "not_divided",
        lambda c: _enc(c, div=False),
        ja="tx, ty がアンカーの幅・高さで割られていません: tx = (gx − ax) / aw、ty = (gy − ay) / ah。"
        "割ることで、ずれが大きさによらない相対量になります。",
        en="tx and ty are not divided by the anchor's width and height: tx = (gx − ax) / aw, ty = (gy − ay) / ah; "
        "the division makes the shift relative to the anchor's size.",
    ),
    Variant(
        "no_log",
        lambda c: _enc(c, log=False),
        ja="tw, th に log がありません: tw = log(gw / aw)、th = log(gh / ah)。",
        en="the log is missing in tw and th: tw = log(gw / aw), th = log(gh / ah).",
    ),
    Variant(
        "corners",
        lambda c: _enc(c, corners=True),
        ja="tx, ty に左上の角 (x1, y1) を使っています。中心 x = x1 + w/2、y = y1 + h/2 の差をとります。",
        en="tx and ty use the top-left corners (x1, y1): take the difference of the centres, x = x1 + w/2, "
        "y = y1 + h/2.",
    ),
    Variant(
        "ratio_inverted",
        lambda c: _enc(c, inverted=True),
        ja="tw, th の比が逆です（log(aw / gw)）。正解ボックスをアンカーで割ります: tw = log(gw / aw)。",
        en="the ratio in tw and th is inverted (log(aw / gw)): divide the ground-truth size by the anchor's, "
        "tw = log(gw / aw).",
    ),
    Variant(
        "width_height_swapped",
        lambda c: _enc(c, swap=True),
        ja="tx を高さ ah で、ty を幅 aw で割っています。x 方向は幅、y 方向は高さで割ります。",
        en="tx is divided by the height ah and ty by the width aw: divide the x shift by the width and the y shift "
        "by the height.",
    ),
    Variant(
        "plus_one",
        lambda c: _enc(c, plus1=True),
        ja="幅・高さに +1 しています。この問題では幅 = x2 − x1、高さ = y2 − y1 です（+1 しません）。",
        en="1 is added to the widths and heights: in this problem width = x2 − x1 and height = y2 − y1 (no +1).",
    ),
)

DECODE_VARIANTS = (
    Variant(
        "no_exp",
        lambda c: _dec(c, exp=False),
        ja="幅・高さに exp がありません。tw = log(gw / aw) の逆なので w = aw · exp(tw)、h = ah · exp(th) です。",
        en="the exp is missing: the inverse of tw = log(gw / aw) is w = aw · exp(tw), h = ah · exp(th).",
    ),
    Variant(
        "not_multiplied",
        lambda c: _dec(c, mul=False),
        ja="中心のずれにアンカーの幅・高さを掛けていません: x = ax + tx · aw、y = ay + ty · ah。",
        en="the centre shift is not multiplied by the anchor's width and height: x = ax + tx · aw, y = ay + ty · ah.",
    ),
    Variant(
        "returns_centres",
        lambda c: _dec(c, centres_out=True),
        ja="(中心 x, 中心 y, 幅, 高さ) を返しています。角の座標 (x1, y1, x2, y2) = (x − w/2, y − h/2, x + w/2, "
        "y + h/2) に直して返します。",
        en="the result is (centre x, centre y, width, height): return the corners (x1, y1, x2, y2) = "
        "(x − w/2, y − h/2, x + w/2, y + h/2).",
    ),
    Variant(
        "full_width_from_centre",
        lambda c: _dec(c, full_half=True),
        ja="中心から幅・高さをそのまま引いて（足して）います。角は中心から半分の w/2、h/2 だけ離れています。",
        en="the full width and height are subtracted from (added to) the centre: the corners are w/2 and h/2 away "
        "from it.",
    ),
    Variant(
        "decode_swapped",
        lambda c: _dec(c, swap=True),
        ja="tx に高さ ah を、ty に幅 aw を掛けています。x 方向は幅、y 方向は高さです。",
        en="tx is multiplied by the height ah and ty by the width aw: x goes with the width, y with the height.",
    ),
)

CHECKS = {
    "encode": Cases(
        inputs=_encode_inputs,
        run=_run_encode,
        expected=lambda c: _enc(c),
        variants=ENCODE_VARIANTS,
        rtol=1e-7,
        atol=1e-9,
    ),
    "decode": Cases(
        inputs=_decode_inputs,
        run=_run_decode,
        expected=lambda c: _dec(c),
        variants=DECODE_VARIANTS,
        rtol=1e-7,
        atol=1e-7,
    ),
    "roundtrip": Cases(
        inputs=_encode_inputs,
        run=_run_roundtrip,
        expected=lambda c: {"boxes": c["gt"]},
        rtol=1e-7,
        atol=1e-7,
    ),
}
