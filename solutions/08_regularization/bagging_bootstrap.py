"""バギング: ブートストラップ標本、OOB マスク、OOB 予測、多数決 / Bagging: bootstrap samples, out-of-bag
masks, out-of-bag predictions, the majority vote.

bootstrap_indices(n, B, rng): B 個のブートストラップ標本の添字 (B, n)（rng.integers(0, n, size=(B, n))）。
oob_mask(indices, n): mask[b, i] = データ i が標本 b に一度も選ばれなかったら True、(B, n) の bool。
oob_predict(preds, mask): データ i ごとに、i が OOB だったモデルの予測 preds[b, i] の平均 (n,)（なければ nan）。
majority_vote(labels): B 個のモデルのラベル予測 (B, M) の多数決 (M,)（同数なら小さいラベル）。

bootstrap_indices(n, B, rng): the indices (B, n) of B bootstrap samples (rng.integers(0, n, size=(B, n))).
oob_mask(indices, n): mask[b, i] is True when data point i was never picked for sample b, (B, n) bool.
oob_predict(preds, mask): per data point i, the mean of preds[b, i] over the models b for which i is out of
bag, (n,) (nan when there is none).
majority_vote(labels): the majority vote (M,) of B models' label predictions (B, M) (ties: the smallest label).
"""
import numpy as np


def bootstrap_indices(n, B, rng):
    """n data points, B samples, rng a np.random.Generator -> (B, n) int indices drawn with replacement."""
    return rng.integers(0, n, size=(B, n))


def oob_mask(indices, n):
    """indices (B, n) -> (B, n) bool, True where point i does not occur in row b."""
    mask = np.ones((indices.shape[0], n), dtype=bool)
    rows = np.arange(indices.shape[0])[:, None]                 # (B, 1), broadcast against indices
    mask[rows, indices] = False                                 # every picked point is in the bag
    return mask


def oob_predict(preds, mask):
    """preds (B, n) float, mask (B, n) bool -> (n,) mean over the out-of-bag models, nan where none."""
    counts = mask.sum(axis=0)                                   # out-of-bag models per point, (n,)
    sums = np.where(mask, preds, 0.0).sum(axis=0)               # (n,)
    with np.errstate(invalid="ignore"):                         # 0 / 0 -> nan: no out-of-bag model
        return sums / counts


def majority_vote(labels):
    """labels (B, M) int >= 0 -> (M,) int, the most frequent label per column; ties: the smallest."""
    # np.bincount(col).argmax(): the first, i.e. the smallest, label wins a tie
    return np.array([np.bincount(col).argmax() for col in labels.T], dtype=np.int64)
