"""Hidden tests for `scaled_dot_product_attention`: attention(Q, K, V, mask=None) -> (output, weights).

weights = softmax over the key axis of (Q K^T / √d, blocked scores set to -1e9), output = weights V.
Tq, Tk, d, dv differ in every case, so a scaling by √dv, a softmax over the query axis or a K
reshaped instead of transposed all show. The "stable" check has score gaps of ~1000: a softmax
without the max subtraction overflows.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.hidden._softmax import softmax as _softmax

# N, Tq, Tk, d, dv: all different within a case
SHAPES = ((2, 3, 5, 4, 6), (3, 6, 4, 5, 2), (2, 4, 7, 3, 5))


def _ref(case, *, scale="d", axis=-1, keys="swap", mask_mode="neg", stable=True):
    """The reference (keyword switches build the known wrong variants)."""
    Q, K, V, mask = case["Q"], case["K"], case["V"], case.get("mask")
    d, dv = Q.shape[-1], V.shape[-1]
    if keys == "swap":
        Kt = np.swapaxes(K, -1, -2)
    else:  # reshape instead of transpose
        Kt = K.reshape(K.shape[0], K.shape[2], K.shape[1])
    s = Q @ Kt
    s = s / {"d": np.sqrt(d), "dv": np.sqrt(dv), "none": 1.0, "d_full": d}[scale]
    if mask is not None:
        if mask_mode == "neg":
            s = np.where(mask, -1e9, s)
        elif mask_mode == "inverted":
            s = np.where(mask, s, -1e9)
        elif mask_mode == "zero":
            s = np.where(mask, 0.0, s)
    if stable:
        w = _softmax(s, axis)
    else:
        with np.errstate(over="ignore", invalid="ignore"):
            e = np.exp(s)
            w = e / e.sum(axis=axis, keepdims=True)
    if mask is not None and mask_mode == "after":
        w = np.where(mask, 0.0, _softmax(s, axis))
    return {"weights": w, "output": w @ case["V"]}


def _case(rng, shape, *, masked=False, big=False):
    n, tq, tk, d, dv = shape
    scale = 30.0 if big else 1.0
    case = {
        "Q": rng.normal(size=(n, tq, d)) * scale,
        "K": rng.normal(size=(n, tk, d)) * scale,
        "V": rng.normal(size=(n, tk, dv)),
    }
    if masked:
        mask = rng.random((n, tq, tk)) < 0.4
        mask[..., 0] = False  # never a fully blocked row
        for i in range(n):  # mix the kept column so it is not always key 0
            mask[i] = mask[i][:, rng.permutation(tk)]
        case["mask"] = mask
    return case


def _plain(rng):
    return [_case(rng, s) for s in SHAPES]


def _masked(rng):
    return [_case(rng, s, masked=True) for s in SHAPES]


def _big(rng):
    return [_case(rng, s, big=True) for s in SHAPES[:2]]


def _run(learner, case) -> dict:
    if "mask" in case:
        res = learner.attention(case["Q"], case["K"], case["V"], mask=case["mask"])
    else:
        res = learner.attention(case["Q"], case["K"], case["V"])
    if isinstance(res, tuple) and len(res) == 2:
        out, w = res
    else:
        out, w = res, None
    return {"weights": w, "output": out}


def _expected(case) -> dict:
    return _ref(case)


def V_(name, ja, en, **kw):
    return Variant(name, lambda c: _ref(c, **kw), ja=ja, en=en)


COMMON = (
    V_(
        "no_scale",
        scale="none",
        ja="weights が √d で割られていません。scores = Q K^T / √d です（d は Q と K の最後の次元）。"
        "割らないと d が大きいとき softmax が鋭くなりすぎ、勾配が消えます。",
        en="the scores are not divided by √d: scores = Q K^T / √d (d = the last dimension of Q and K). "
        "Without it the softmax gets too sharp for large d and its gradients vanish.",
    ),
    V_(
        "sqrt_dv",
        scale="dv",
        ja="√dv（V の次元）で割っています。割るのはキーとクエリの次元 d の平方根 √d です。",
        en="the scores are divided by √dv (V's dimension): divide by √d, the dimension of the queries and keys.",
    ),
    V_(
        "divide_by_d",
        scale="d_full",
        ja="d で割っています。割るのは √d です。",
        en="the scores are divided by d: divide by √d.",
    ),
    V_(
        "query_axis",
        axis=1,
        ja="softmax をクエリの軸（axis=1）でとっています。各クエリについてキー全体で和が 1 になるよう、"
        "最後の軸（axis=-1、Tk の軸）で softmax をとります。",
        en="the softmax runs over the query axis (axis=1): take it over the last axis (axis=-1, the Tk axis), "
        "so each query's weights over the keys sum to 1.",
    ),
    V_(
        "K_reshaped",
        keys="reshape",
        ja="K を reshape で (N, d, Tk) にしています。reshape は要素の並びを変えないので転置になりません。"
        "np.swapaxes(K, 1, 2) か K.transpose(0, 2, 1) を使います。",
        en="K is reshaped to (N, d, Tk): reshape keeps the element order, so it is not a transpose. "
        "Use np.swapaxes(K, 1, 2) or K.transpose(0, 2, 1).",
    ),
)

MASK_VARIANTS = (
    V_(
        "mask_inverted",
        mask_mode="inverted",
        ja="mask の意味が逆です。True が「見てはいけない」位置で、その score を -1e9 にします。",
        en="the mask is inverted: True marks the blocked positions, whose scores become -1e9.",
    ),
    V_(
        "mask_zero",
        mask_mode="zero",
        ja="ブロックする score を 0 にしています。exp(0) = 1 なので重みが残ります。-1e9（または -inf）にします。",
        en="the blocked scores are set to 0, and exp(0) = 1 still gives them weight: set them to -1e9 (or -inf).",
    ),
    V_(
        "mask_after_softmax",
        mask_mode="after",
        ja="softmax の後で重みを 0 にしていて、行の和が 1 になっていません。softmax の前に score を -1e9 にします。",
        en="the weights are zeroed after the softmax, so the rows no longer sum to 1: set the scores to -1e9 "
        "before the softmax.",
    ),
)

UNSTABLE = V_(
    "no_max_subtraction",
    stable=False,
    ja="softmax で行の最大値を引いていないため、exp があふれて NaN になっています。"
    "scores - scores.max(axis=-1, keepdims=True) を exp の前に計算します。",
    en="the softmax does not subtract the row max, so exp overflows and gives NaN: compute "
    "scores - scores.max(axis=-1, keepdims=True) before exp.",
)

CHECKS = {
    "plain": Cases(inputs=_plain, run=_run, expected=_expected, variants=COMMON),
    "masked": Cases(inputs=_masked, run=_run, expected=_expected, variants=MASK_VARIANTS + COMMON),
    "stable": Cases(inputs=_big, run=_run, expected=_expected, variants=(UNSTABLE,)),
}
