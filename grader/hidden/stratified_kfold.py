"""Hidden tests for `stratified_kfold`: the k (train, val) pairs of stratified k-fold cross-validation.

Any split the statement allows passes, shuffled or not: the run (in the learner's process) reduces the
returned folds to what every valid split shares: the number of folds, the sorted union of the val parts
(each index once), whether each fold's train and val together are exactly all indices, and each class's
per-fold counts, sorted. The labels are stored sorted by class, as data often is, so a plain contiguous
k-fold puts whole classes into single folds; one class has fewer samples than k (counts 0 and 1).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SETTINGS = (((13, 7, 3), 4), ((18, 9, 3), 5), ((9, 8), 3))  # class counts, k


def _inputs(rng) -> list[dict]:
    cases = []
    for counts, k in SETTINGS:
        y = np.repeat(np.arange(len(counts)), counts).astype(np.int64)
        cases.append({"y": y, "_k": k, "_seed": int(rng.integers(2**31))})
    return cases


def _summary(y, k_classes, folds) -> dict:
    n = len(y)
    vals = [np.asarray(v, dtype=np.int64).reshape(-1) for _, v in folds]
    trains = [np.asarray(t, dtype=np.int64).reshape(-1) for t, _ in folds]
    union = np.sort(np.concatenate(vals)) if vals else np.zeros(0, dtype=np.int64)
    partition = [int(np.array_equal(np.sort(np.concatenate([t, v])), np.arange(n))) for t, v in zip(trains, vals)]
    counts = np.sort(np.array([[np.sum(y[v] == c) for v in vals] for c in range(k_classes)], dtype=np.int64), axis=1)
    return {
        "n_folds": len(folds),
        "n_val_total": int(union.size),
        "val_sorted": union,
        "partition_ok": np.array(partition, dtype=np.int64),
        "class_counts": counts,
    }


def _run(learner, c) -> dict:
    y = c["y"]
    folds = learner.stratified_kfold(y.copy(), c["_k"], np.random.default_rng(c["_seed"]))
    return _summary(y, int(y.max()) + 1, list(folds))


def _expected(c) -> dict:
    y, k = c["y"], c["_k"]
    n = len(y)
    rows = []
    for cls in range(int(y.max()) + 1):
        q, r = divmod(int(np.sum(y == cls)), k)
        rows.append([q] * (k - r) + [q + 1] * r)
    return {
        "n_folds": k,
        "n_val_total": n,
        "val_sorted": np.arange(n, dtype=np.int64),
        "partition_ok": np.ones(k, dtype=np.int64),
        "class_counts": np.array(rows, dtype=np.int64),
    }


def _plain(c) -> dict:
    """An unshuffled, unstratified k-fold: contiguous blocks of the stored order (np.array_split)."""
    y, k = c["y"], c["_k"]
    idx = np.arange(len(y))
    folds = [(np.setdiff1d(idx, v), v) for v in np.array_split(idx, k)]
    return {"class_counts": _summary(y, int(y.max()) + 1, folds)["class_counts"]}


def _dropped(c) -> dict:
    """Each class split into k equal parts of n_c // k, the remainder left out of every val part."""
    y, k = c["y"], c["_k"]
    kept = sum((int(np.sum(y == cls)) // k) * k for cls in range(int(y.max()) + 1))
    return {"n_val_total": kept}


VARIANTS = (
    Variant(
        "not_stratified",
        _plain,
        ja="フォールドのクラスの比率が全体とそろっていません（並び順のまま連続するブロックに分けています）。"
        "クラスごとにサンプルを集めて、k 個のフォールドに順に配ります。",
        en="the folds do not keep the class ratio (the stored order is cut into contiguous blocks); collect each "
        "class's samples and deal them round the k folds.",
    ),
    Variant(
        "remainder_dropped",
        _dropped,
        ja="クラスの件数が k で割り切れないときの余りのサンプルが、どのフォールドの val にも入っていません。"
        "余りも順に配り、各サンプルがちょうど 1 回 val に入るようにします。",
        en="when a class's count does not divide by k, the leftover samples are in no fold's val; deal the leftovers "
        "too, so that every sample is in val exactly once.",
    ),
    Variant(
        "val_in_train",
        lambda c: {"partition_ok": np.zeros(c["_k"], dtype=np.int64)},
        ja="train と val を合わせても、ちょうど全サンプルになっていません（train に val のサンプルが入っているか、"
        "どちらにも入らないサンプルがあります）。train は val 以外のすべての添字です。",
        en="train and val together are not exactly all the samples (val samples are also in train, or some sample "
        "is in neither); train is every index not in val.",
    ),
    Variant(
        "one_fold_short",
        lambda c: {"n_folds": c["_k"] - 1},
        ja="フォールドが k − 1 個しかありません（range(k - 1) など）。k 個の (train, val) の組を返します。",
        en="there are only k − 1 folds (range(k - 1) or the like); return k (train, val) pairs.",
    ),
)

CHECKS = {"folds": Cases(inputs=_inputs, run=_run, expected=_expected, variants=VARIANTS)}
