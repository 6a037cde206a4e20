"""Hidden tests for `gmm_e_step`: the responsibilities of a diagonal Gaussian mixture and the log-likelihood.

Shapes (N, D, K) differ from each other (D = 1 in one case, the one-dimensional mixture), the weights are
unequal (so leaving them out shows) and the variances differ per component and per feature (so a standard
deviation used as the variance, or a missing −log(2πσ²)/2 term, shows). The second case moves its first two
points 80 units away from every component: their log-densities are about −1000 or less, so exp() gives 0 for
every component and only a log-sum-exp stays finite.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SETTINGS = ((7, 2, 3), (10, 3, 2), (6, 1, 4))


def _inputs(rng) -> list[dict]:
    cases = []
    for i, (n, d, k) in enumerate(SETTINGS):
        means = rng.normal(0.0, 2.0, size=(k, d))
        variances = rng.uniform(0.3, 3.0, size=(k, d))
        weights = rng.dirichlet(np.full(k, 2.0))
        x = means[rng.integers(0, k, size=n)] + rng.normal(size=(n, d)) * 1.5
        if i == 1:
            x[:2] += 80.0
        cases.append({"x": x, "weights": weights, "means": means, "variances": variances})
    return cases


def _log_joint(c, std=False, use_weights=True, norm=True):
    var = np.sqrt(c["variances"]) if std else c["variances"]
    diff = c["x"][:, None, :] - c["means"][None, :, :]
    terms = diff**2 / var + (np.log(2 * np.pi * var) if norm else 0.0)
    return (np.log(c["weights"]) if use_weights else 0.0) - 0.5 * terms.sum(axis=2)


def _lse(a, axis):
    top = a.max(axis=axis, keepdims=True)
    return top + np.log(np.exp(a - top).sum(axis=axis, keepdims=True))


def _outputs(c, **kw) -> dict:
    lj = _log_joint(c, **kw)
    log_px = _lse(lj, 1)
    return {"resp": np.exp(lj - log_px), "loglik": float(log_px.sum())}


def _run(learner, c) -> dict:
    res = learner.gmm_e_step(c["x"], c["weights"], c["means"], c["variances"])
    resp, loglik = res if isinstance(res, tuple) and len(res) == 2 else (res, None)
    return {"resp": resp, "loglik": loglik}


def _wrong_axis(c):
    lj = _log_joint(c)
    return {"resp": np.exp(lj - _lse(lj, 0))}


def _naive(c):
    with np.errstate(all="ignore"):
        joint = np.exp(_log_joint(c))
        px = joint.sum(axis=1, keepdims=True)
        return {"resp": joint / px, "loglik": float(np.log(px).sum())}


def _sum_of_logs(c):
    return {"loglik": float(_log_joint(c).sum())}


VARIANTS = (
    Variant(
        "wrong_axis",
        _wrong_axis,
        ja="負担率を axis=0（データ点の方向）で正規化しています。負担率は各点 n について成分 k の和が 1 なので、axis=1 で正規化します。",
        en="the responsibilities are normalised over axis=0 (over the data points); for each point n they sum to 1 "
        "over the components k, so normalise over axis=1.",
    ),
    Variant(
        "no_weights",
        lambda c: _outputs(c, use_weights=False),
        ja="混合係数 π_k が掛かっていません。負担率の分子は π_k N(x_n; μ_k, Σ_k) です。",
        en="the mixing weights π_k are missing; the numerator of a responsibility is π_k N(x_n; μ_k, Σ_k).",
    ),
    Variant(
        "std",
        lambda c: _outputs(c, std=True),
        ja="variances を標準偏差として扱っています（σ² の代わりに √variances を使用）。variances は分散 σ² そのものです。",
        en="variances is treated as standard deviations (√variances used for σ²); variances already holds σ².",
    ),
    Variant(
        "no_norm_const",
        lambda c: _outputs(c, norm=False),
        ja="ガウス分布の正規化項 −log(2πσ²)/2 が抜けています。分散が成分ごとに違うので、負担率も対数尤度も変わります。",
        en="the Gaussian's normalising term −log(2πσ²)/2 is missing; the variances differ between components, so "
        "both the responsibilities and the log-likelihood change.",
    ),
    Variant(
        "no_logsumexp",
        _naive,
        ja="exp をそのまま計算しているので、どの成分からも遠い点で exp が 0 になり、0/0 = nan や log(0) = −inf になります。"
        "行の最大値を引いてから exp をとる log-sum-exp を使ってください。",
        en="you take plain exp(), so for points far from every component it underflows to 0, giving 0/0 = nan and "
        "log(0) = −inf: use the log-sum-exp, subtracting each row's maximum before exp().",
    ),
    Variant(
        "mean_loglik",
        lambda c: {"loglik": _outputs(c)["loglik"] / c["x"].shape[0]},
        ja="対数尤度を N で割って平均にしています。この問題はデータ全体の和 Σ_n log p(x_n) です。",
        en="the log-likelihood is divided by N (a mean); this problem asks for the sum over the data, Σ_n log p(x_n).",
    ),
    Variant(
        "sum_of_logs",
        _sum_of_logs,
        ja="Σ_n Σ_k log(π_k N(x_n; ...)) を計算しています。対数尤度は和の対数 Σ_n log Σ_k π_k N(x_n; ...) です。",
        en="you computed Σ_n Σ_k log(π_k N(x_n; ...)); the log-likelihood takes the log of the sum: "
        "Σ_n log Σ_k π_k N(x_n; ...).",
    ),
)

CHECKS = {
    "resp": Cases(
        inputs=_inputs,
        run=lambda learner, c: {"resp": _run(learner, c)["resp"]},
        expected=lambda c: {"resp": _outputs(c)["resp"]},
        variants=VARIANTS,
        rtol=1e-9,
        atol=1e-12,
    ),
    "loglik": Cases(
        inputs=_inputs,
        run=lambda learner, c: {"loglik": _run(learner, c)["loglik"]},
        expected=lambda c: {"loglik": _outputs(c)["loglik"]},
        variants=VARIANTS,
        rtol=1e-9,
        atol=1e-10,
    ),
}
