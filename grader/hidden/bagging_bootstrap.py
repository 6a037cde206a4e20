"""Hidden tests for `bagging_bootstrap`: bootstrap indices from the given generator, out-of-bag masks,
out-of-bag means (nan for a point in every sample) and the majority vote (ties: the smallest label).

B ≠ n and B ≠ M everywhere, so a transposed mask or a vote over the wrong axis shows. The mask cases put
one point in every sample (its column is all False) and leave one point out of every sample; the vote
cases contain tied columns whose nearest-looking alternatives (the larger label, the label met first)
differ from the smallest label.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

# ---- bootstrap indices ---------------------------------------------------------------------------------


def _idx_inputs(rng) -> list[dict]:
    return [
        {"n": 7, "B": 3, "seed": int(rng.integers(0, 2**31))},
        {"n": 5, "B": 9, "seed": int(rng.integers(0, 2**31))},
        {"n": 12, "B": 4, "seed": int(rng.integers(0, 2**31))},
    ]


def _idx(c, mode="right"):
    n, B = c["n"], c["B"]
    g = np.random.default_rng(c["seed"])
    if mode == "transposed":
        return {"indices": g.integers(0, n, size=(n, B))}
    if mode == "high_minus_one":
        return {"indices": g.integers(0, n - 1, size=(B, n))}
    if mode == "one_based":
        return {"indices": g.integers(1, n + 1, size=(B, n))}
    if mode == "permutation":
        return {"indices": np.stack([g.permutation(n) for _ in range(B)])}
    return {"indices": g.integers(0, n, size=(B, n))}


def _idx_run(learner, c) -> dict:
    return {"indices": learner.bootstrap_indices(c["n"], c["B"], np.random.default_rng(c["seed"]))}


IDX_VARIANTS = (
    Variant(
        "transposed",
        lambda c: _idx(c, "transposed"),
        ja="形状が (n, B) です。標本 b が 1 行になる (B, n) で、rng.integers(0, n, size=(B, n)) と引きます。",
        en="the shape is (n, B): each sample b is one row of a (B, n) array, drawn as rng.integers(0, n, size=(B, n)).",
    ),
    Variant(
        "high_minus_one",
        lambda c: _idx(c, "high_minus_one"),
        ja="rng.integers(0, n − 1) では最後の添字 n − 1 が出ません。integers の上限は含まれないので、high = n と書きます。",
        en="rng.integers(0, n − 1) never draws the last index n − 1: integers excludes its upper bound, so write high = n.",
    ),
    Variant(
        "one_based",
        lambda c: _idx(c, "one_based"),
        ja="添字が 1〜n になっています。numpy の添字は 0 から n − 1 です: rng.integers(0, n, size=(B, n))。",
        en="the indices run from 1 to n: numpy indices run from 0 to n − 1, rng.integers(0, n, size=(B, n)).",
    ),
    Variant(
        "permutation",
        lambda c: _idx(c, "permutation"),
        ja="rng.permutation は重複のない並べ替え（非復元抽出）です。ブートストラップは重複を許す復元抽出です。",
        en="rng.permutation shuffles without repeats (sampling without replacement): the bootstrap samples with replacement.",
    ),
)

# ---- out-of-bag mask ------------------------------------------------------------------------------------


def _mask_inputs(rng) -> list[dict]:
    cases = []
    for B, n in ((4, 9), (6, 5), (3, 11)):
        indices = rng.integers(0, n, size=(B, n))
        indices[:, 0] = 2  # point 2 is in every sample
        indices[indices == n - 1] = 1  # point n − 1 is in no sample
        cases.append({"indices": indices, "n": n})
    return cases


def _mask(c, mode="right"):
    indices, n = c["indices"], c["n"]
    mask = np.ones((indices.shape[0], n), dtype=bool)
    for b, row in enumerate(indices):
        mask[b, row] = False
    if mode == "in_bag":
        mask = ~mask
    if mode == "transposed":
        mask = mask.T
    return {"mask": mask}


def _mask_run(learner, c) -> dict:
    return {"mask": learner.oob_mask(c["indices"], c["n"])}


MASK_VARIANTS = (
    Variant(
        "in_bag",
        lambda c: _mask(c, "in_bag"),
        ja="True と False が逆です。OOB のマスクは、標本 b に一度も選ばれなかった点が True です。",
        en="True and False are swapped: the out-of-bag mask is True for the points sample b never picked.",
    ),
    Variant(
        "transposed",
        lambda c: _mask(c, "transposed"),
        ja="形状が (n, B) です。mask[b, i] は標本 b とデータ i の組で、形状は indices と同じ (B, n) です。",
        en="the shape is (n, B): mask[b, i] pairs sample b with data point i, shape (B, n) like indices.",
    ),
)

# ---- out-of-bag prediction ------------------------------------------------------------------------------


def _pred_inputs(rng) -> list[dict]:
    cases = []
    for B, n in ((5, 8), (7, 4), (4, 10)):
        preds = rng.normal(size=(B, n)) * 2.0 + 1.0
        mask = rng.random((B, n)) < 0.4
        mask[:, 1] = False  # point 1 is out of bag for no model
        mask[0, 0], mask[1, 0] = True, False
        mask[2:, 0] = False  # point 0 is out of bag for exactly one model
        cases.append({"preds": preds, "mask": mask})
    return cases


def _pred(c, mode="right"):
    preds, mask = c["preds"], c["mask"]
    use = ~mask if mode == "in_bag" else mask
    if mode == "all_models":
        return {"oob": preds.mean(axis=0)}
    counts = use.sum(axis=0)
    sums = np.where(use, preds, 0.0).sum(axis=0)
    if mode == "divide_by_B":
        return {"oob": sums / preds.shape[0]}
    out = np.full(preds.shape[1], 0.0 if mode == "zero_for_none" else np.nan)
    out[counts > 0] = sums[counts > 0] / counts[counts > 0]
    return {"oob": out}


def _pred_run(learner, c) -> dict:
    return {"oob": learner.oob_predict(c["preds"], c["mask"])}


PRED_VARIANTS = (
    Variant(
        "all_models",
        lambda c: _pred(c, "all_models"),
        ja="mask を使わずに全モデルの予測を平均しています。データ i を学習に使わなかった（mask[b, i] が True の）モデルだけで平均します。",
        en="you average all models, ignoring mask: average only the models that did not train on point i (mask[b, i] True).",
    ),
    Variant(
        "in_bag",
        lambda c: _pred(c, "in_bag"),
        ja="データ i を学習に使ったモデル（mask が False）で平均しています。OOB 予測は mask が True のモデルの平均です。",
        en="you average the models that did train on point i (mask False): the out-of-bag prediction averages the models with mask True.",
    ),
    Variant(
        "divide_by_B",
        lambda c: _pred(c, "divide_by_B"),
        ja="和をモデルの総数 B で割っています。割るのは、データ i が OOB だったモデルの数 mask[:, i].sum() です。",
        en="the sum is divided by the number of models B: divide by the number of models for which point i is out of bag, mask[:, i].sum().",
    ),
    Variant(
        "zero_for_none",
        lambda c: _pred(c, "zero_for_none"),
        ja="OOB のモデルが 1 つもないデータに 0 を返しています。この問題ではそのデータは nan です（予測がない）。",
        en="a point with no out-of-bag model gets 0: in this problem it gets nan (there is no prediction).",
    ),
)

# ---- majority vote --------------------------------------------------------------------------------------


def _vote_inputs(rng) -> list[dict]:
    cases = [{"labels": rng.integers(0, 3, size=(5, 8))}, {"labels": rng.integers(0, 4, size=(7, 3))}]
    # hand-made ties: column 0 ties 2 and 0 with 2 seen first, column 1 ties 1 and 3, column 2 has a clear winner
    cases.append(
        {"labels": np.array([[2, 3, 1, 0, 2], [0, 1, 1, 0, 1], [2, 3, 0, 1, 1], [0, 1, 1, 2, 0]], dtype=np.int64)}
    )
    return cases


def _vote(c, mode="right"):
    labels = c["labels"]
    out = []
    for col in labels.T:
        counts = np.bincount(col)
        top = np.flatnonzero(counts == counts.max())
        if mode == "tie_largest":
            out.append(top[-1])
        elif mode == "tie_first":
            out.append(next(v for v in col if v in top))
        else:
            out.append(top[0])
    if mode == "rounded_mean":
        return {"vote": np.round(labels.mean(axis=0)).astype(np.int64)}
    return {"vote": np.array(out, dtype=np.int64)}


def _vote_run(learner, c) -> dict:
    return {"vote": learner.majority_vote(c["labels"])}


VOTE_VARIANTS = (
    Variant(
        "tie_largest",
        lambda c: _vote(c, "tie_largest"),
        ja="票が同数のとき大きいラベルを選んでいます。この問題では最も小さいラベルです（np.bincount(...).argmax() は同数なら最初のラベルを返します）。",
        en="on a tie you choose the largest label: this problem chooses the smallest (np.bincount(...).argmax() returns the first label on a tie).",
    ),
    Variant(
        "tie_first",
        lambda c: _vote(c, "tie_first"),
        ja="票が同数のとき、先に現れた（b の小さいモデルの）ラベルを選んでいます（Counter.most_common の順）。同数なら最も小さいラベルです。",
        en="on a tie you choose the label met first (the one of the model with the smaller b, Counter.most_common's order): ties go to the smallest label.",
    ),
    Variant(
        "rounded_mean",
        lambda c: _vote(c, "rounded_mean"),
        ja="ラベルの平均を丸めています。クラスのラベルは大小に意味のない名前なので、平均ではなく票を数えます。",
        en="you round the mean of the labels: class labels are names whose order means nothing, so count the votes instead of averaging.",
    ),
)

CHECKS = {
    "indices": Cases(inputs=_idx_inputs, run=_idx_run, expected=lambda c: _idx(c), variants=IDX_VARIANTS),
    "oob_mask": Cases(inputs=_mask_inputs, run=_mask_run, expected=lambda c: _mask(c), variants=MASK_VARIANTS),
    "oob_predict": Cases(inputs=_pred_inputs, run=_pred_run, expected=lambda c: _pred(c), variants=PRED_VARIANTS),
    "vote": Cases(inputs=_vote_inputs, run=_vote_run, expected=lambda c: _vote(c), variants=VOTE_VARIANTS),
}
