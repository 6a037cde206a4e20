"""Hidden tests for `ddpm_noising`: linear β schedule, ᾱ_t = Π_{s≤t} (1 − β_s) at index t − 1,
q_sample x_t = sqrt(ᾱ_t) x0 + sqrt(1 − ᾱ_t) eps with one t per row, and the MSE over all elements.

The q_sample cases draw t from 1..T−1 (so an index t instead of t − 1 gives values, not an IndexError)
with betas large enough that neighbouring ᾱ differ; the "endpoints" check adds t = 1 and t = T.
N != D everywhere, so (N,) coefficients broadcast against (N, D) without [:, None] fail.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SCHEDULES = ((1000, 1e-4, 0.02), (8, 0.05, 0.3), (30, 0.01, 0.2))


def _schedule_inputs(rng) -> list[dict]:
    return [{"T": T, "beta_1": b1, "beta_T": bT} for T, b1, bT in SCHEDULES]


def _betas(c):
    return np.linspace(c["beta_1"], c["beta_T"], c["T"])


def _run_schedule(learner, c) -> dict:
    res = learner.linear_schedule(c["T"], c["beta_1"], c["beta_T"])
    betas, alpha_bars = res if isinstance(res, tuple) and len(res) == 2 else (res, None)
    return {"betas": betas, "alpha_bars": alpha_bars}


def _schedule(c) -> dict:
    betas = _betas(c)
    return {"betas": betas, "alpha_bars": np.cumprod(1.0 - betas)}


SCHEDULE_VARIANTS = (
    Variant(
        "alpha_not_cumulative",
        lambda c: {"alpha_bars": 1.0 - _betas(c)},
        ja="alpha_bars が α_t = 1 − β_t のままです。ᾱ_t は 1 から t までの α_s の積です: np.cumprod(1 - betas)。",
        en="alpha_bars holds α_t = 1 − β_t: ᾱ_t is the product of α_s for s = 1..t, np.cumprod(1 - betas).",
    ),
    Variant(
        "exclusive_cumprod",
        lambda c: {"alpha_bars": np.concatenate(([1.0], np.cumprod(1.0 - _betas(c))[:-1]))},
        ja="alpha_bars が 1 つずれています（先頭が 1、つまり ᾱ_0）。添字 t − 1 に ᾱ_t = Π_{s=1..t} (1 − β_s) を"
        "入れるので、先頭は 1 − β_1 です。",
        en="alpha_bars is shifted by one (it starts at 1, i.e. ᾱ_0): index t − 1 holds "
        "ᾱ_t = Π_{s=1..t} (1 − β_s), so the first entry is 1 − β_1.",
    ),
    Variant(
        "cumprod_of_betas",
        lambda c: {"alpha_bars": np.cumprod(_betas(c))},
        ja="β の累積積になっています。ᾱ_t は α_s = 1 − β_s の累積積です。",
        en="that is the cumulative product of the β: ᾱ_t is the cumulative product of α_s = 1 − β_s.",
    ),
)

Q_SIZES = ((5, 3, 10, 0.05, 0.4), (4, 7, 50, 0.01, 0.1), (6, 2, 1000, 1e-4, 0.02))


def _q_case(rng, n, d, T, b1, bT, t) -> dict:
    alpha_bars = np.cumprod(1.0 - np.linspace(b1, bT, T))
    return {"x0": rng.normal(size=(n, d)), "t": t, "eps": rng.normal(size=(n, d)), "alpha_bars": alpha_bars}


def _q_inputs(rng) -> list[dict]:
    cases = []
    for n, d, T, b1, bT in Q_SIZES:
        t = rng.integers(1, T, size=n)
        t[0], t[1] = 1, T - 1  # distinct times in one batch
        cases.append(_q_case(rng, n, d, T, b1, bT, t))
    return cases


def _endpoint_inputs(rng) -> list[dict]:
    return [
        _q_case(rng, 4, 3, 6, 0.1, 0.5, np.array([6, 1, 3, 6])),
        _q_case(rng, 3, 5, 1000, 1e-4, 0.02, np.array([1, 1000, 500])),
    ]


def _run_q(learner, c) -> dict:
    return {"x_t": learner.q_sample(c["x0"], c["t"], c["eps"], c["alpha_bars"])}


def _mix(c, index, signal, noise) -> dict:
    ab = c["alpha_bars"][index][:, None]
    return {"x_t": signal(ab) * c["x0"] + noise(1.0 - ab) * c["eps"]}


def _q(c) -> dict:
    return _mix(c, c["t"] - 1, np.sqrt, np.sqrt)


def _ident(a):
    return a


SAMPLE_VARIANTS = (
    Variant(
        "no_sqrt",
        lambda c: _mix(c, c["t"] - 1, _ident, _ident),
        ja="平方根がありません。係数は sqrt(ᾱ_t) と sqrt(1 − ᾱ_t) です（ᾱ_t と 1 − ᾱ_t は分散側の値です）。",
        en="the square roots are missing: the coefficients are sqrt(ᾱ_t) and sqrt(1 − ᾱ_t) (ᾱ_t and 1 − ᾱ_t are "
        "the variances).",
    ),
    Variant(
        "variance_as_std",
        lambda c: _mix(c, c["t"] - 1, np.sqrt, _ident),
        ja="ノイズの係数が 1 − ᾱ_t になっています。1 − ᾱ_t は分散なので、ノイズに掛ける標準偏差は sqrt(1 − ᾱ_t) です。",
        en="the noise coefficient is 1 − ᾱ_t: that is the variance, and the noise is scaled by the standard "
        "deviation sqrt(1 − ᾱ_t).",
    ),
    Variant(
        "signal_without_sqrt",
        lambda c: _mix(c, c["t"] - 1, _ident, np.sqrt),
        ja="x0 の係数が ᾱ_t になっています。平均は sqrt(ᾱ_t) x0 です（2 つの係数の 2 乗の和が 1 になります）。",
        en="x0 is scaled by ᾱ_t: the mean is sqrt(ᾱ_t) x0 (the squares of the two coefficients add up to 1).",
    ),
    Variant(
        "index_t",
        lambda c: _mix(c, c["t"], np.sqrt, np.sqrt),
        ja="添字が 1 つずれています（alpha_bars[t]）。時刻 t は 1 から始まり、ᾱ_t は alpha_bars[t - 1] にあります。",
        en="the index is off by one (alpha_bars[t]): times start at t = 1, so ᾱ_t is alpha_bars[t - 1].",
    ),
    Variant(
        "one_t_for_batch",
        lambda c: _mix(c, np.full_like(c["t"], c["t"][0] - 1), np.sqrt, np.sqrt),
        ja="バッチ全体に最初のサンプルの t を使っています。t はサンプルごとに違うので、行ごとに alpha_bars[t - 1] を"
        "とり、(N, 1) の形にして掛けます。",
        en="the first sample's t is used for the whole batch: each row has its own t, so take alpha_bars[t - 1] "
        "per row and reshape it to (N, 1) before multiplying.",
    ),
)

LOSS_SIZES = ((4, 3), (6, 5), (3, 8))


def _loss_inputs(rng) -> list[dict]:
    return [{"eps": rng.normal(size=(n, d)), "eps_pred": rng.normal(size=(n, d))} for n, d in LOSS_SIZES]


def _run_loss(learner, c) -> dict:
    return {"loss": learner.eps_loss(c["eps"], c["eps_pred"])}


def _sq(c):
    return (c["eps_pred"] - c["eps"]) ** 2


LOSS_VARIANTS = (
    Variant(
        "sum_over_features",
        lambda c: {"loss": float(np.mean(np.sum(_sq(c), axis=1)))},
        ja="特徴の軸で合計してからバッチで平均しています（Ho らの ‖ε − ε_θ‖² の書き方）。この問題は PyTorch の "
        "F.mse_loss と同じく全要素の平均です。",
        en="the squares are summed over the features and then averaged over the batch (the ‖ε − ε_θ‖² of Ho et al.): "
        "this problem takes the mean over all elements, as PyTorch's F.mse_loss does.",
    ),
    Variant(
        "sum_all",
        lambda c: {"loss": float(np.sum(_sq(c)))},
        ja="全要素の合計になっています。要素数 N·D で割って平均します。",
        en="that is the sum over all elements: divide by the number of elements N·D to take the mean.",
    ),
    Variant(
        "rmse",
        lambda c: {"loss": float(np.sqrt(np.mean(_sq(c))))},
        ja="平方根をとっています（RMSE）。平均二乗誤差は平方根をとりません。",
        en="that is the root of the mean (RMSE): the mean squared error takes no square root.",
    ),
    Variant(
        "absolute_error",
        lambda c: {"loss": float(np.mean(np.abs(c["eps_pred"] - c["eps"])))},
        ja="絶対値の平均（L1）になっています。差を 2 乗して平均します。",
        en="that is the mean absolute error (L1): square the differences, then take the mean.",
    ),
)

CHECKS = {
    "schedule": Cases(inputs=_schedule_inputs, run=_run_schedule, expected=_schedule, variants=SCHEDULE_VARIANTS),
    "q_sample": Cases(inputs=_q_inputs, run=_run_q, expected=_q, variants=SAMPLE_VARIANTS),
    "endpoints": Cases(inputs=_endpoint_inputs, run=_run_q, expected=_q, variants=SAMPLE_VARIANTS[:3]),
    "loss": Cases(
        inputs=_loss_inputs, run=_run_loss, expected=lambda c: {"loss": float(np.mean(_sq(c)))}, variants=LOSS_VARIANTS
    ),
}
