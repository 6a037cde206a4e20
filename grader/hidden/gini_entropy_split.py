"""Hidden tests for `gini_entropy_split`: a node's Gini impurity or entropy (log₂), and the best threshold of
one feature by the weighted child impurity, ties to the smaller threshold.

Impurity cases: three labels, a label missing in the middle (labels 0 and 2 only: a zero count must not give
nan), a pure node, both criteria. Split cases: unsorted features with repeated values (thresholds lie only
between distinct values), a hand-made symmetric case whose best score is reached at two thresholds (for both
criteria), a constant feature (no threshold: nan and the parent's impurity), a feature with exactly two
distinct values (one threshold).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases


def _impurity(y, criterion, mode="right"):
    counts = np.bincount(y)
    p = counts[counts > 0] / y.size
    if criterion == "gini":
        return float(np.sum(p**2)) if mode == "sum_sq" else float(1.0 - np.sum(p**2))
    if mode == "ln":
        return float(-np.sum(p * np.log(p)))
    if mode == "no_minus":
        return float(np.sum(p * np.log2(p)))
    return float(-np.sum(p * np.log2(p)))


def _imp_inputs(rng) -> list[dict]:
    return [
        {"y": rng.integers(0, 3, size=13), "criterion": "gini"},
        {"y": rng.integers(0, 3, size=11), "criterion": "entropy"},
        {"y": np.array([0, 2, 2, 0, 2, 2, 2], dtype=np.int64), "criterion": "entropy"},
        {"y": np.array([2, 0, 0, 2, 0], dtype=np.int64), "criterion": "gini"},
        {"y": np.full(6, 1, dtype=np.int64), "criterion": "entropy"},
    ]


def _imp_run(learner, c) -> dict:
    return {"value": learner.impurity(c["y"], c["criterion"])}


def _split(c, mode="right"):
    x, y, criterion = c["x"], c["y"], c["criterion"]
    imp_mode = mode if mode in ("ln", "sum_sq") else "right"
    values = np.unique(x)
    if values.size < 2:
        return {"threshold": float("nan"), "score": _impurity(y, criterion, imp_mode)}
    n = y.size
    scored = []
    for j in range(values.size - 1):
        t = (values[j] + values[j + 1]) / 2
        left = x <= t
        il, ir = _impurity(y[left], criterion, imp_mode), _impurity(y[~left], criterion, imp_mode)
        if mode == "unweighted":
            score = (il + ir) / 2
        elif mode == "not_divided":
            score = left.sum() * il + (~left).sum() * ir
        else:
            score = (left.sum() * il + (~left).sum() * ir) / n
        scored.append((score, values[j] if mode == "left_value" else t))
    best = min(s for s, _ in scored)
    ties = [t for s, t in scored if s < best + 1e-9]
    t = ties[-1] if mode == "ties_largest" else ties[0]
    if mode == "gain":
        best = _impurity(y, criterion) - best
    return {"threshold": float(t), "score": float(best)}


def _split_inputs(rng) -> list[dict]:
    cases = []
    for n, criterion in ((14, "gini"), (12, "entropy")):
        x = np.round(rng.normal(size=n), 1)
        x[1] = x[4]  # at least one repeated value
        y = (x + 0.6 * rng.normal(size=n) > 0).astype(np.int64) + (rng.random(n) < 0.2)
        cases.append({"x": x, "y": y, "criterion": criterion})
    # symmetric: thresholds 2.5 and 4.5 tie for the best score (pure side of 2, mixed side of 4)
    order = rng.permutation(6)
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])[order]
    y = np.array([0, 0, 1, 1, 0, 0], dtype=np.int64)[order]
    cases.append({"x": x, "y": y, "criterion": "gini"})
    cases.append({"x": x.copy(), "y": y.copy(), "criterion": "entropy"})
    cases.append({"x": np.full(5, 0.7), "y": np.array([0, 1, 1, 0, 1], dtype=np.int64), "criterion": "gini"})
    cases.append(
        {
            "x": np.array([0.3, 1.1, 0.3, 1.1, 1.1]),
            "y": np.array([1, 0, 0, 0, 1], dtype=np.int64),
            "criterion": "entropy",
        }
    )
    return cases


def _split_run(learner, c) -> dict:
    t, score = learner.best_split(c["x"], c["y"], c["criterion"])
    return {"threshold": t, "score": score}


IMP_VARIANTS = (
    Variant(
        "ln",
        lambda c: {"value": _impurity(c["y"], c["criterion"], "ln")},
        ja="エントロピーに自然対数 np.log を使っています。この問題は底 2 の np.log2 です（ビット単位）。",
        en="the entropy uses the natural log np.log: this problem uses base 2, np.log2 (bits).",
    ),
    Variant(
        "sum_sq",
        lambda c: {"value": _impurity(c["y"], c["criterion"], "sum_sq")},
        ja="Gini 不純度を Σ p_k² にしています。1 から引いた 1 − Σ p_k² です。",
        en="the Gini impurity is taken as Σ p_k²: it is 1 − Σ p_k².",
    ),
    Variant(
        "no_minus",
        lambda c: {"value": _impurity(c["y"], c["criterion"], "no_minus")},
        ja="エントロピーの符号が逆です。−Σ p_k log₂ p_k で、値は 0 以上です。",
        en="the entropy's sign is flipped: it is −Σ p_k log₂ p_k, never negative.",
    ),
)


def _split_variant(mode, ja, en):
    return Variant(mode, lambda c: _split(c, mode), ja=ja, en=en)


SPLIT_VARIANTS = (
    _split_variant(
        "unweighted",
        "左右の子ノードの不純度を単純に平均しています。サンプル数で重みづけた (n_L·I(左) + n_R·I(右)) / n です。",
        "the children's impurities are averaged plainly: weight them by their sample counts, (n_L·I(left) + n_R·I(right)) / n.",
    ),
    _split_variant(
        "not_divided",
        "n_L·I(左) + n_R·I(右) を n で割っていません。返す値はサンプル数の割合で重みづけた平均です。",
        "n_L·I(left) + n_R·I(right) is not divided by n: the value returned is the average weighted by the shares of samples.",
    ),
    _split_variant(
        "left_value",
        "しきい値に左側のデータの値そのものを返しています。この問題のしきい値は隣り合う異なる値の中点です。",
        "the threshold returned is the left data value itself: this problem's thresholds are the midpoints between neighbouring distinct values.",
    ),
    _split_variant(
        "ties_largest",
        "最良の値が同点のとき大きい方のしきい値を選んでいます。同点なら小さい方です（候補を小さい順に調べ、np.argmin のように最初の最小を選びます）。",
        "on a tie for the best score you keep the larger threshold: ties go to the smaller one (go through the candidates in increasing order and take the first minimum, as np.argmin does).",
    ),
    _split_variant(
        "ln",
        "エントロピーに自然対数 np.log を使っています。この問題は底 2 の np.log2 です（ビット単位）。",
        "the entropy uses the natural log np.log: this problem uses base 2, np.log2 (bits).",
    ),
    _split_variant(
        "sum_sq",
        "Gini 不純度を Σ p_k² にしています。1 から引いた 1 − Σ p_k² です。",
        "the Gini impurity is taken as Σ p_k²: it is 1 − Σ p_k².",
    ),
    _split_variant(
        "gain",
        "情報利得（親の不純度 − 子の重みつき不純度）を返しています。この問題が返すのは子の重みつき不純度そのものです。",
        "you return the information gain (the parent's impurity minus the children's weighted impurity): this problem returns the weighted impurity itself.",
    ),
)

CHECKS = {
    "impurity": Cases(
        inputs=_imp_inputs,
        run=_imp_run,
        expected=lambda c: {"value": _impurity(c["y"], c["criterion"])},
        variants=IMP_VARIANTS,
    ),
    "split": Cases(inputs=_split_inputs, run=_split_run, expected=lambda c: _split(c), variants=SPLIT_VARIANTS),
}
