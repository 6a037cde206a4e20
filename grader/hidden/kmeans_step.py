"""Hidden tests for `kmeans_step`: nearest-centre labels, per-cluster means, empty cluster kept.

Cases 1 and 2 have one centre placed far from all the data, so its cluster is empty; case 3 has
no empty cluster. The other centres are data points, so each of their clusters is non-empty. Case 4
has a cluster of exactly one point (an outlier), whose new centre is that point.
`centers_unchanged` checks that the caller's centers array was not modified in place.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

# N, D, K, index of the far (empty) centre or None
SPECS = ((13, 2, 3, 1), (16, 3, 4, 3), (11, 4, 2, None))


def _inputs(rng) -> list[dict]:
    cases = []
    for n, d, k, far in SPECS:
        X = rng.normal(size=(n, d)) + rng.integers(0, 2, size=(n, 1)) * 3.0
        centers = X[rng.choice(n, size=k, replace=False)] + rng.normal(size=(k, d)) * 0.05
        if far is not None:
            centers[far] = X.mean(axis=0) + 50.0
        cases.append({"X": X, "centers": centers})
    # a cluster of one: an outlier with a centre next to it (its new centre is the point itself)
    X = rng.normal(size=(11, 4))
    X[4] = 20.0 + rng.normal(size=4)
    centers = np.stack([X[0], X[1], X[4] + 0.3]) + rng.normal(size=(3, 4)) * 0.05
    cases.append({"X": X, "centers": centers})
    return cases


def _step(c, mode="right"):
    X, C = c["X"], c["centers"]
    dist = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    labels = np.argmax(dist, axis=1) if mode == "farthest" else np.argmin(dist, axis=1)
    new = C.copy()
    for j in range(C.shape[0]):
        members = X[labels == j]
        if len(members):
            new[j] = members.sum(axis=0) if mode == "sum" else members.mean(axis=0)
        elif mode == "empty_nan":
            new[j] = np.nan
        elif mode == "empty_zero":
            new[j] = 0.0
        elif mode == "empty_global":
            new[j] = X.mean(axis=0)
    return labels, new


def _expected(c) -> dict:
    labels, new = _step(c)
    return {"labels": labels, "new_centers": new, "centers_unchanged": True}


def _run(learner, c) -> dict:
    centers = c["centers"]
    before = centers.copy()
    labels, new = learner.kmeans_step(c["X"], centers)
    return {"labels": labels, "new_centers": new, "centers_unchanged": bool(np.array_equal(centers, before))}


def _v(mode, key, ja, en):
    return Variant(mode, lambda c: {key: _step(c, mode)[0 if key == "labels" else 1]}, ja=ja, en=en)


VARIANTS = (
    _v(
        "farthest",
        "labels",
        "いちばん遠い中心に割り当てています（argmax）。最も近い中心なので np.argmin です。",
        "you assign each point to the FARTHEST centre (argmax): it is the nearest one, np.argmin.",
    ),
    _v(
        "empty_nan",
        "new_centers",
        "点のないクラスタの中心が NaN になっています（空の配列の平均）。"
        "この問題では、空のクラスタは元の中心 centers[j] のままにします。",
        "an empty cluster's centre became NaN (the mean of an empty array): in this problem an empty cluster "
        "keeps its old centre centers[j].",
    ),
    _v(
        "empty_zero",
        "new_centers",
        "点のないクラスタの中心を 0 にしています。空のクラスタは元の中心 centers[j] のままです。",
        "an empty cluster's centre was set to 0: an empty cluster keeps its old centre centers[j].",
    ),
    _v(
        "empty_global",
        "new_centers",
        "点のないクラスタの中心を全データの平均にしています。この問題では元の中心 centers[j] のままです。",
        "an empty cluster's centre was set to the mean of all the data: in this problem it keeps its old "
        "centre centers[j].",
    ),
    _v(
        "sum",
        "new_centers",
        "新しい中心がクラスタの点の合計になっています。点の数で割って平均にします。",
        "the new centres are the SUM of each cluster's points: divide by the number of points (the mean).",
    ),
    Variant(
        "not_updated",
        lambda c: {"new_centers": c["centers"]},
        ja="new_centers が元の centers のままです。各クラスタの点の平均に更新します。",
        en="new_centers is the old centers: update each centre to the mean of its cluster's points.",
    ),
    Variant(
        "modified_centers",
        lambda c: {"centers_unchanged": False},
        ja="引数の centers を書き換えています（new_centers = centers は同じ配列を指すだけです）。"
        "centers.copy() を更新してください。",
        en="you modified the caller's centers (new_centers = centers is the same array, not a copy): "
        "update centers.copy() instead.",
    ),
)

CHECKS = {"step": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS)}
