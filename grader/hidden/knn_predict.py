"""Hidden tests for `knn_predict`: Euclidean k-NN, majority vote, label ties -> the smallest label.

Two random cases (overlapping blobs of 3 labels; k odd and even) and one hand-made case whose
votes tie with the NEAREST neighbour carrying the larger label, so "smallest label" differs from
"largest label" and from "the label met first" (Counter.most_common). Random data has no distance
ties (continuous draws).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases


def _inputs(rng) -> list[dict]:
    cases = []
    for n, m, d, k in ((24, 15, 3, 4), (30, 12, 2, 5)):
        centres = rng.normal(size=(3, d)) * 1.2
        y = np.arange(n) % 3
        rng.shuffle(y)
        X = centres[y] + rng.normal(size=(n, d))
        T = centres[rng.integers(0, 3, size=m)] + rng.normal(size=(m, d))
        cases.append({"X_train": X, "y_train": y.astype(np.int64), "X_test": T, "k": k})
    # hand-made ties: along the x axis, the test points sit at 0; neighbours ordered by |x|.
    X = np.array([[0.1, 0.0], [-0.2, 0.05], [0.3, -0.1], [-0.45, 0.0], [2.0, 1.0], [-2.5, 0.3], [3.0, -1.0]])
    y = np.array([2, 0, 0, 2, 1, 1, 1], dtype=np.int64)  # 4 nearest of (0, 0): 2, 0, 0, 2 -> tie 0/2
    T = np.array([[0.0, 0.0], [2.2, 0.6], [-0.05, 0.02]])
    cases.append({"X_train": X, "y_train": y, "X_test": T, "k": 4})
    return cases


def _knn(c, mode="right") -> np.ndarray:
    X, y, T, k = c["X_train"], c["y_train"], c["X_test"], c["k"]
    if mode == "manhattan":
        dist = np.abs(T[:, None, :] - X[None, :, :]).sum(axis=2)
    else:
        dist = ((T[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    order = np.argsort(dist, axis=1)
    if mode == "descending":
        order = order[:, ::-1]
    lo, hi = {"k_plus_1": (0, k + 1), "skip_first": (1, k + 1), "k_minus_1": (0, k - 1)}.get(mode, (0, k))
    votes = y[order[:, lo:hi]]
    out = []
    for v in votes:
        counts = np.bincount(v, minlength=int(y.max()) + 1)
        top = np.flatnonzero(counts == counts.max())
        if mode == "tie_largest":
            out.append(top[-1])
        elif mode == "tie_nearest":
            out.append(next(label for label in v if label in top))
        else:
            out.append(top[0])
    return np.array(out, dtype=np.int64)


def _expected(c) -> dict:
    return {"pred": _knn(c)}


def _run(learner, c) -> dict:
    return {"pred": learner.knn_predict(c["X_train"], c["y_train"], c["X_test"], c["k"])}


def _variant(mode, ja, en):
    return Variant(mode, lambda c: {"pred": _knn(c, mode)}, ja=ja, en=en)


VARIANTS = (
    _variant(
        "k_plus_1",
        "近傍を k + 1 個使っています。[:k] のようにちょうど k 個を取ります（スライスの終わりは含みません）。",
        "you use k + 1 neighbours: take exactly k, e.g. [:k] (a slice's end is excluded).",
    ),
    _variant(
        "k_minus_1",
        "近傍が k − 1 個しかありません。[:k] でちょうど k 個を取ります。",
        "you use only k − 1 neighbours: take exactly k with [:k].",
    ),
    _variant(
        "skip_first",
        "いちばん近い学習点を飛ばしています（[1:k+1]）。テスト点は学習データに含まれないので、"
        "自分自身を除く必要はありません。[:k] を使います。",
        "you skip the nearest training point ([1:k+1]): the test points are not in the training set, so "
        "there is no self-match to exclude. Use [:k].",
    ),
    _variant(
        "descending",
        "距離の大きい（遠い）順に k 個を選んでいます。np.argsort は昇順なので、先頭の k 個が最も近い点です。",
        "you take the k FARTHEST points: np.argsort sorts ascending, so the first k are the nearest.",
    ),
    _variant(
        "tie_largest",
        "票が同数のとき大きいラベルを選んでいます。この問題では最も小さいラベルを選びます"
        "（np.bincount(...).argmax() は同数なら最初＝最小のラベルを返します）。",
        "on a tie you choose the largest label; this problem chooses the smallest (np.bincount(...).argmax() "
        "returns the first, i.e. the smallest, label on a tie).",
    ),
    _variant(
        "tie_nearest",
        "票が同数のとき、近傍の中で先に現れた（いちばん近い点の）ラベルを選んでいます"
        "（collections.Counter.most_common の順）。この問題では同数なら最も小さいラベルです。",
        "on a tie you choose the label met first among the neighbours, i.e. the nearest one's "
        "(collections.Counter.most_common's order); this problem chooses the smallest label.",
    ),
    _variant(
        "manhattan",
        "マンハッタン距離（差の絶対値の和）を使っています。ユークリッド距離（差の二乗和の平方根）を使います。",
        "you use the Manhattan distance (sum of absolute differences); use the Euclidean one (square root "
        "of the sum of squared differences).",
    ),
)

CHECKS = {"predict": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS)}
