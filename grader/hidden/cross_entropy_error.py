"""Hidden tests for `cross_entropy_error` (book 1): mean over the batch, 1e-7 inside the log.

y (N, C) probabilities; t one-hot (N, C) or labels (N,); a 1-D y (C,) with a one-hot t (C,) is a
batch of one. E = −(1/N) Σ_n log(y[n, t_n] + 1e-7).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.hidden._softmax import softmax as _softmax_rows

DELTA = 1e-7


def _probs(rng, n, c, zero_row=None, labels=None):
    """Softmax outputs (n, c); with zero_row, that row gives exactly 0 to its correct class."""
    y = _softmax_rows(rng.normal(scale=1.5, size=(n, c)))
    if zero_row is not None:
        y[zero_row, labels[zero_row]] = 0.0
        y[zero_row] /= y[zero_row].sum()
    return y


def _one_hot(labels, c):
    t = np.zeros((labels.size, c))
    t[np.arange(labels.size), labels] = 1.0
    return t


def _inputs_one_hot(rng) -> list[dict]:
    cases = []
    for n, c, zero_row in ((3, 5, None), (4, 7, 1), (2, 6, None)):
        labels = rng.integers(0, c, size=n)
        cases.append({"y": _probs(rng, n, c, zero_row, labels), "t": _one_hot(labels, c)})
    return cases


def _inputs_labels(rng) -> list[dict]:
    cases = []
    for n, c, zero_row in ((4, 6, None), (3, 5, 2), (5, 8, None)):
        labels = rng.integers(0, c, size=n)
        cases.append({"y": _probs(rng, n, c, zero_row, labels), "t": labels.astype(np.int64)})
    return cases


def _inputs_one_sample(rng) -> list[dict]:
    cases = []
    for c in (5, 7, 4):
        label = rng.integers(0, c, size=1)
        cases.append({"y": _probs(rng, 1, c, None, label)[0], "t": _one_hot(label, c)[0]})
    return cases


def _batch(case):
    """(y (N, C), labels (N,)) as the reference reads a case."""
    y, t = case["y"], case["t"]
    if y.ndim == 1:
        y, t = y[None, :], t[None, :]
    labels = t.argmax(axis=1) if t.ndim == 2 else t
    return y, labels


def _loss(case, *, delta=DELTA, mean=True, sign=-1.0, all_columns=False, divide_by=None):
    """The reference loss; the keywords give known wrong answers."""
    y, labels = _batch(case)
    n = y.shape[0]
    picked = y[:, labels] if all_columns else y[np.arange(n), labels]
    with np.errstate(divide="ignore"):
        total = sign * float(np.sum(np.log(picked + delta)))
    if divide_by is not None:
        return total / divide_by(case)
    return total / n if mean else total


def _expected(case) -> dict:
    return {"loss": _loss(case)}


def _variant(name, ja, en, **knobs):
    return Variant(name, lambda case: {"loss": _loss(case, **knobs)}, ja=ja, en=en)


NO_MEAN = _variant(
    "sum_not_mean",
    ja="損失がちょうど N 倍です。バッチ全体の和ではなく平均なので、和をバッチ数 N (= y.shape[0]) で割ってください。",
    en="the loss is exactly N times too large: it is the mean over the batch, so divide the sum by "
    "the batch size N (= y.shape[0]).",
    mean=False,
)
NO_MINUS = _variant(
    "no_minus",
    ja="符号が逆です（損失が負）。log(確率) ≤ 0 なので、E = −Σ log(y + 1e-7) / N とマイナスを付けます。",
    en="the sign is flipped (the loss is negative): log of a probability is ≤ 0, so "
    "E = −Σ log(y + 1e-7) / N needs the minus sign.",
    sign=1.0,
)
NO_DELTA = _variant(
    "no_delta",
    ja="log の中の delta = 1e-7 がありません。1 冊目は np.log(y + 1e-7) と計算します"
    "（これがないと、正解クラスの確率がちょうど 0 のとき log(0) = −inf で損失が inf になります）。",
    en="delta = 1e-7 is missing inside the log: book 1 computes np.log(y + 1e-7) (without it, a "
    "correct-class probability of exactly 0 gives log(0) = −inf and an infinite loss).",
    delta=0.0,
)
ALL_COLUMNS = _variant(
    "all_columns",
    ja="y[:, t] は各行から t のすべての列を取り出す (N, N) の配列です。各行 n から正解クラス t[n] の 1 個だけを"
    "取るには y[np.arange(N), t] と書きます。",
    en="y[:, t] takes every column listed in t from every row, an (N, N) array; to take one entry per row "
    "(row n, class t[n]) write y[np.arange(N), t].",
    all_columns=True,
)
DIVIDE_BY_C = _variant(
    "one_sample_divide_by_c",
    ja="1 次元の y (C,) で C で割っています（1 次元のままだと y.shape[0] はクラス数 C）。"
    "1 次元の y はバッチ数 1 のデータなので、先に y.reshape(1, y.size)（t も同様）としてください。",
    en="with a 1-D y (C,) you divided by C (y.shape[0] of a 1-D array is the number of classes): a 1-D y "
    "is a batch of one, so reshape first: y.reshape(1, y.size) (and t likewise).",
    divide_by=lambda case: case["y"].shape[0],
)


def _run(learner, case) -> dict:
    return {"loss": learner.cross_entropy_error(case["y"], case["t"])}


CHECKS = {
    "one_hot": Cases(
        inputs=_inputs_one_hot, run=_run, expected=_expected, variants=(NO_MEAN, NO_MINUS, NO_DELTA, ALL_COLUMNS)
    ),
    "labels": Cases(
        inputs=_inputs_labels, run=_run, expected=_expected, variants=(NO_MEAN, NO_MINUS, NO_DELTA, ALL_COLUMNS)
    ),
    "one_sample": Cases(
        inputs=_inputs_one_sample, run=_run, expected=_expected, variants=(DIVIDE_BY_C, NO_MINUS, NO_DELTA)
    ),
}
