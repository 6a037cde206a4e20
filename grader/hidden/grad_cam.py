"""Hidden tests for `grad_cam`: α = mean_{h,w} dY (N, K), cam = ReLU(Σ_k α_k A^k) (N, H, W), optionally
divided per image by its max (an all-zero map stays zero).

H != W and K, N differ, so a mean over the wrong axes shows in the shape or the values. A >= 0 as after
a ReLU. Every case has an image whose gradients are all negative (its map is all zero: the guard of the
normalisation), and the second case has an image whose gradients are all positive (its map is positive
everywhere: min-max scaling differs from dividing by the max there) and one scaled down so its peak is
below 1. Both the raw and the normalised maps are checked: a sum instead of the mean only scales the raw
map, and a global max only shows in the normalised one.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SHAPES = ((2, 3, 4, 5), (3, 4, 5, 3), (4, 6, 3, 7))  # N, K, H, W
ALL_NEGATIVE = (1, 0, 2)  # per case: the image whose gradients are all negative
ALL_POSITIVE = {1: 1}  # case 1: image 1 has all-positive gradients
SMALL = {1: 2}  # case 1: image 2 is scaled so that its peak is below 1


def _inputs(rng, normalize: bool) -> list[dict]:
    cases = []
    for i, (N, K, H, W) in enumerate(SHAPES):
        A = np.abs(rng.normal(size=(N, K, H, W))) + 0.05
        dY = rng.normal(size=(N, K, H, W)) + 0.3
        dY[ALL_NEGATIVE[i]] = -np.abs(dY[ALL_NEGATIVE[i]]) - 0.05
        if i in ALL_POSITIVE:
            dY[ALL_POSITIVE[i]] = np.abs(dY[ALL_POSITIVE[i]]) + 0.05
        if i in SMALL:
            A[SMALL[i]] *= 0.02
        cases.append({"A": A, "dY": dY, "normalize": normalize})
    return cases


def _run(learner, case) -> dict:
    return {"cam": learner.grad_cam(case["A"], case["dY"], normalize=case["normalize"])}


def _per_image_max(cam):
    peak = cam.max(axis=(1, 2), keepdims=True)
    return cam / np.where(peak > 0, peak, 1.0)


def _cam(case, *, alpha=None, relu=True, relu_alpha=False, pooled=True, scale=None):
    A, dY = case["A"], case["dY"]
    if pooled:
        a = dY.mean(axis=(2, 3)) if alpha is None else alpha(case)
        if relu_alpha:
            a = np.maximum(a, 0.0)
        cam = np.einsum("nk,nkhw->nhw", a, A)
    else:
        cam = np.sum(dY * A, axis=1)
    if relu:
        cam = np.maximum(cam, 0.0)
    if case["normalize"]:
        cam = (scale or _per_image_max)(cam)
    return {"cam": cam}


def _global_max(cam):
    return cam / cam.max()


def _min_max(cam):
    low = cam.min(axis=(1, 2), keepdims=True)
    span = cam.max(axis=(1, 2), keepdims=True) - low
    return np.where(span > 0, (cam - low) / np.where(span > 0, span, 1.0), 0.0)


def V_(name, ja, en, **kw):
    return Variant(name, lambda c: _cam(c, **kw), ja=ja, en=en)


VARIANTS = (
    V_(
        "sum_not_mean",
        alpha=lambda c: c["dY"].sum(axis=(2, 3)),
        ja="α が勾配の空間方向の和になっています（H·W 倍の大きさ）。α_k は ∂y^c/∂A^k の空間平均（global average "
        "pooling）です: dY.mean(axis=(2, 3))。",
        en="α is the sum of the gradients over space (H·W times too large): α_k is the spatial mean (global average "
        "pooling) of ∂y^c/∂A^k, dY.mean(axis=(2, 3)).",
    ),
    V_(
        "no_relu",
        relu=False,
        ja="ReLU が抜けています。Grad-CAM はクラスのスコアを上げる向きの部分だけを残すので、重み付き和の後に "
        "ReLU をかけます: cam = ReLU(Σ_k α_k A^k)。",
        en="the ReLU is missing: Grad-CAM keeps only what raises the class score, so the weighted sum goes through a "
        "ReLU: cam = ReLU(Σ_k α_k A^k).",
    ),
    V_(
        "relu_on_alpha",
        relu=False,
        relu_alpha=True,
        ja="ReLU を重み α にかけています。ReLU をかけるのは重み付き和 Σ_k α_k A^k の方です（負の α_k も和に"
        "入ります）。",
        en="the ReLU is applied to the weights α: it belongs on the weighted sum Σ_k α_k A^k (negative α_k take part "
        "in the sum).",
    ),
    V_(
        "weights_from_A",
        alpha=lambda c: c["A"].mean(axis=(2, 3)),
        ja="重み α を特徴マップ A の平均から求めています。α_k は勾配 dY = ∂y^c/∂A^k の空間平均です。",
        en="the weights α are averaged from the feature maps A: α_k is the spatial mean of the gradients "
        "dY = ∂y^c/∂A^k.",
    ),
    V_(
        "batch_mean",
        alpha=lambda c: np.broadcast_to(c["dY"].mean(axis=(0, 2, 3)), c["dY"].shape[:2]),
        ja="α をバッチの軸（axis 0）でも平均しています。α は画像ごとに空間の軸（H, W）だけで平均します: "
        "dY.mean(axis=(2, 3)) で形状 (N, K)。",
        en="α is averaged over the batch axis (axis 0) as well: average over the spatial axes (H, W) only, per image: "
        "dY.mean(axis=(2, 3)), shape (N, K).",
    ),
    V_(
        "no_pooling",
        pooled=False,
        ja="勾配を空間で平均せずに、位置ごとに dY · A を掛けてチャネルで足しています。Grad-CAM の重みはチャネル"
        "ごとに 1 つの数 α_k（勾配の空間平均）です。",
        en="the gradients are not averaged over space: dY · A is multiplied position by position and summed over the "
        "channels. Grad-CAM's weight is one number α_k per channel (the spatial mean of the gradient).",
    ),
)

NORM_VARIANTS = VARIANTS + (
    V_(
        "global_max",
        scale=_global_max,
        ja="バッチ全体の最大値で割っています。正規化は画像ごとに、その画像の最大値で割ります: "
        "cam.max(axis=(1, 2), keepdims=True)。",
        en="the maps are divided by the maximum of the whole batch: normalise each image by its own maximum, "
        "cam.max(axis=(1, 2), keepdims=True).",
    ),
    V_(
        "min_max",
        scale=_min_max,
        ja="最小値を引いてから割る min-max 正規化になっています。この問題では最大値で割るだけです（ReLU の後なので"
        "最小値は 0 以上で、0 でない最小値を引くと値が変わります）。",
        en="that is min-max scaling (subtracting the minimum first): this problem only divides by the maximum (after "
        "the ReLU the minimum is 0 or more, and subtracting a non-zero minimum changes the values).",
    ),
)

CHECKS = {
    "cam": Cases(inputs=lambda rng: _inputs(rng, False), run=_run, expected=lambda c: _cam(c), variants=VARIANTS),
    "normalized": Cases(
        inputs=lambda rng: _inputs(rng, True), run=_run, expected=lambda c: _cam(c), variants=NORM_VARIANTS
    ),
}
