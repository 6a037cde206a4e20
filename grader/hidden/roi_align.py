"""Hidden tests for `roi_align`: Mask R-CNN's RoI Align forward on one image's feature map (C, H, W).

Bins of (y2 − y1)/ph × (x2 − x1)/pw, s × s sample points at bin-relative (i + 0.5)/s, each clipped to
[0, H − 1] × [0, W − 1] and interpolated bilinearly, averaged per bin. H != W, ph != pw and the RoIs have
fractional corners, so RoI Pooling's rounding, a max, swapped bilinear weights, a floored bin size or
sample points at the bin corners all show. The "clipping" cases put RoIs partly outside the map.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

# (C, H, W, R, (ph, pw), s)
SETTINGS = ((3, 7, 9, 3, (2, 3), 2), (2, 10, 6, 2, (3, 2), 2), (4, 8, 11, 5, (2, 4), 3))


def _rois(rng, R, H, W, outside=False):
    lo = -2.5 if outside else 0.0
    x1 = rng.uniform(lo, W / 2, size=R)
    y1 = rng.uniform(lo, H / 2, size=R)
    x2 = x1 + rng.uniform(2.3, W / 2 + (3.0 if outside else 0.0), size=R)
    y2 = y1 + rng.uniform(2.3, H / 2 + (3.0 if outside else 0.0), size=R)
    return np.stack([x1, y1, x2, y2], axis=1)


def _align_inputs(rng, outside=False) -> list[dict]:
    out = []
    for C, H, W, R, size, s in SETTINGS:
        x = rng.normal(size=(C, H, W))
        out.append({"x": x, "rois": _rois(rng, R, H, W, outside), "output_size": size, "sampling_ratio": s})
    return out


def _bilinear_inputs(rng) -> list[dict]:
    out = []
    for C, H, W, _, _, _ in SETTINGS:
        K = 5 + C
        x = rng.normal(size=(C, H, W))
        py = rng.uniform(-1.5, H + 0.5, size=K)
        px = rng.uniform(-1.5, W + 0.5, size=K)
        py[0], px[0] = 0.3, W - 1.0  # on the last column: its right neighbour is clipped
        out.append({"x": x, "py": py, "px": px})
    return out


def _bil(x, py, px, swap=False):
    H, W = x.shape[1], x.shape[2]
    py = np.clip(py, 0.0, H - 1.0)
    px = np.clip(px, 0.0, W - 1.0)
    y0 = np.floor(py).astype(int)
    x0 = np.floor(px).astype(int)
    y1 = np.minimum(y0 + 1, H - 1)
    x1 = np.minimum(x0 + 1, W - 1)
    ly, lx = py - y0, px - x0
    if swap:
        ly, lx = lx, ly
    return (
        (1 - ly) * (1 - lx) * x[:, y0, x0]
        + (1 - ly) * lx * x[:, y0, x1]
        + ly * (1 - lx) * x[:, y1, x0]
        + ly * lx * x[:, y1, x1]
    )


def _align(c, *, rounded=False, reduce="mean", swap=False, floordiv=False, corners=False):
    x, rois = c["x"], np.array(c["rois"], dtype=float)
    ph, pw = c["output_size"]
    s = c["sampling_ratio"]
    if rounded:
        rois = np.round(rois)
    frac = np.arange(s) / s if corners else (np.arange(s) + 0.5) / s
    out = np.zeros((rois.shape[0], x.shape[0], ph, pw))
    for r, (rx1, ry1, rx2, ry2) in enumerate(rois):
        bh = (ry2 - ry1) // ph if floordiv else (ry2 - ry1) / ph
        bw = (rx2 - rx1) // pw if floordiv else (rx2 - rx1) / pw
        for i in range(ph):
            for j in range(pw):
                gy, gx = np.meshgrid(ry1 + (i + frac) * bh, rx1 + (j + frac) * bw, indexing="ij")
                v = _bil(x, gy.ravel(), gx.ravel(), swap)
                out[r, :, i, j] = v.mean(axis=1) if reduce == "mean" else v.max(axis=1)
    return {"out": out}


def _run_align(learner, c) -> dict:
    return {"out": learner.roi_align(c["x"], c["rois"], c["output_size"], c["sampling_ratio"])}


def _run_bilinear(learner, c) -> dict:
    return {"values": learner.bilinear(c["x"], c["py"], c["px"])}


SWAP_JA = (
    "双線形補間の重みで x と y を取り違えています。y 方向（行）の重みは ly = py − floor(py)、x 方向（列）の重みは "
    "lx = px − floor(px) で、x[:, y0, x1] には (1 − ly) · lx を掛けます。"
)
SWAP_EN = (
    "x and y are swapped in the bilinear weights: the row (y) weight is ly = py − floor(py) and the column (x) "
    "weight lx = px − floor(px); x[:, y0, x1] gets (1 − ly) · lx."
)

ALIGN_VARIANTS = (
    Variant(
        "rounded_rois",
        lambda c: _align(c, rounded=True),
        ja="RoI の座標を整数に丸めています。それは RoI Pooling の量子化で、RoI Align は座標を丸めずに小数のまま使います。",
        en="the RoI coordinates are rounded to integers: that is RoI Pooling's quantization; RoI Align keeps the "
        "fractional coordinates.",
    ),
    Variant(
        "max_not_mean",
        lambda c: _align(c, reduce="max"),
        ja="ビンの標本点の最大値をとっています。この問題ではビンごとに s × s 点の平均をとります。",
        en="the bin takes the maximum of its sample points: this problem averages the s × s points of each bin.",
    ),
    Variant("xy_swapped", lambda c: _align(c, swap=True), ja=SWAP_JA, en=SWAP_EN),
    Variant(
        "bin_floordiv",
        lambda c: _align(c, floordiv=True),
        ja="ビンの大きさを整数の割り算 // で求めています。(y2 − y1) / ph、(x2 − x1) / pw と、小数のまま割ります。",
        en="the bin size uses integer division //: divide as floats, (y2 − y1) / ph and (x2 − x1) / pw.",
    ),
    Variant(
        "corner_samples",
        lambda c: _align(c, corners=True),
        ja="標本点がビンの角（相対位置 i / s）にあります。ビンを s 等分した各小区間の中心 (i + 0.5) / s に置きます。",
        en="the sample points sit at the bin corners (relative positions i / s): put them at the centres of the s "
        "sub-intervals, (i + 0.5) / s.",
    ),
)

BILINEAR_VARIANTS = (
    Variant("xy_swapped", lambda c: {"values": _bil(c["x"], c["py"], c["px"], swap=True)}, ja=SWAP_JA, en=SWAP_EN),
)

CHECKS = {
    "bilinear": Cases(
        inputs=_bilinear_inputs,
        run=_run_bilinear,
        expected=lambda c: {"values": _bil(c["x"], c["py"], c["px"])},
        variants=BILINEAR_VARIANTS,
    ),
    "roi_align": Cases(inputs=_align_inputs, run=_run_align, expected=_align, variants=ALIGN_VARIANTS),
    "clipping": Cases(
        inputs=lambda rng: _align_inputs(rng, outside=True),
        run=_run_align,
        expected=_align,
        variants=ALIGN_VARIANTS,
    ),
}
