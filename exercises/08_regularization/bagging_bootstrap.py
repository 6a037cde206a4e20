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
    # TODO: rng.integers を 1 回だけ呼び、(B, n) の添字を返す / call rng.integers once and return (B, n) indices
    raise NotImplementedError("bootstrap_indices: TODO を埋めてください / fill in the TODO")


def oob_mask(indices, n):
    """indices (B, n) -> (B, n) bool, True where point i does not occur in row b."""
    # TODO: すべて True の (B, n) から、各行 b で選ばれた添字の位置を False にする
    #       start from an all-True (B, n) array and set the picked indices of each row b to False
    raise NotImplementedError("oob_mask: TODO を埋めてください / fill in the TODO")


def oob_predict(preds, mask):
    """preds (B, n) float, mask (B, n) bool -> (n,) mean over the out-of-bag models, nan where none."""
    # TODO: 列 i ごとに mask[:, i] が True のモデルの preds[:, i] を平均（1 つもなければ nan）
    #       per column i, average preds[:, i] over the models with mask[:, i] True (nan when there is none)
    raise NotImplementedError("oob_predict: TODO を埋めてください / fill in the TODO")


def majority_vote(labels):
    """labels (B, M) int >= 0 -> (M,) int, the most frequent label per column; ties: the smallest."""
    # TODO: 列 m ごとにラベルの票を数え、最多のラベル（同数なら小さい方）/ per column m, the most voted label (ties: the smallest)
    raise NotImplementedError("majority_vote: TODO を埋めてください / fill in the TODO")
