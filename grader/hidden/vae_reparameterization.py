"""Hidden tests for `vae_reparameterization`.

z = mu + exp(0.5 log_var) * eps; KL = mean over the batch of -1/2 Σ_j (1 + log_var - mu² - exp(log_var)).
N != J in every case, so a sum over the wrong axis shows; log_var spans negative and positive values.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SHAPES = ((3, 4), (5, 2), (2, 6))


def _inputs(rng) -> list[dict]:
    return [
        {"mu": rng.normal(size=s), "log_var": rng.uniform(-2.0, 1.5, size=s), "eps": rng.normal(size=s)} for s in SHAPES
    ]


def _kl_terms(c):
    return -0.5 * (1 + c["log_var"] - c["mu"] ** 2 - np.exp(c["log_var"]))


def _run_z(learner, case) -> dict:
    return {"z": learner.reparameterize(case["mu"], case["log_var"], case["eps"])}


def _expected_z(c) -> dict:
    return {"z": c["mu"] + np.exp(0.5 * c["log_var"]) * c["eps"]}


def _run_kl(learner, case) -> dict:
    return {"kl": learner.kl_divergence(case["mu"], case["log_var"])}


def _expected_kl(c) -> dict:
    return {"kl": float(np.mean(np.sum(_kl_terms(c), axis=1)))}


Z_VARIANTS = (
    Variant(
        "variance_not_std",
        lambda c: {"z": c["mu"] + np.exp(c["log_var"]) * c["eps"]},
        ja="ε に分散 σ² = exp(log_var) を掛けています。掛けるのは標準偏差 σ = exp(0.5 * log_var) です。",
        en="eps is multiplied by the variance σ² = exp(log_var): multiply by the standard deviation "
        "σ = exp(0.5 * log_var).",
    ),
    Variant(
        "log_var_as_std",
        lambda c: {"z": c["mu"] + c["log_var"] * c["eps"]},
        ja="log_var をそのまま標準偏差として使っています。σ = exp(0.5 * log_var) です。",
        en="log_var is used as the standard deviation itself: σ = exp(0.5 * log_var).",
    ),
    Variant(
        "sqrt_exp_half",
        lambda c: {"z": c["mu"] + np.exp(0.25 * c["log_var"]) * c["eps"]},
        ja="exp(0.5 * log_var) の平方根をとっています。exp(0.5 * log_var) がすでに標準偏差です。",
        en="you took the square root of exp(0.5 * log_var), which already is the standard deviation.",
    ),
)

KL_VARIANTS = (
    Variant(
        "kl_sign",
        lambda c: {"kl": -_expected_kl(c)["kl"]},
        ja="KL の符号が逆です（KL ダイバージェンスは 0 以上）。-1/2 Σ (1 + log σ² − μ² − σ²) です。",
        en="the KL term has the wrong sign (a KL divergence is never negative): it is -1/2 Σ (1 + log σ² − μ² − σ²).",
    ),
    Variant(
        "kl_batch_sum",
        lambda c: {"kl": float(np.sum(_kl_terms(c)))},
        ja="バッチについても合計しています。潜在次元で和をとり、バッチでは平均します。",
        en="the KL term is summed over the batch as well: sum over the latent dimensions, then take the "
        "mean over the batch.",
    ),
    Variant(
        "kl_mean_all",
        lambda c: {"kl": float(np.mean(_kl_terms(c)))},
        ja="潜在次元についても平均しています（J 分の 1 になっています）。潜在次元では合計、バッチで平均です。",
        en="the KL term is averaged over the latent dimensions too (1/J too small): sum over the latent "
        "dimensions, mean over the batch.",
    ),
    Variant(
        "kl_no_half",
        lambda c: {"kl": 2 * _expected_kl(c)["kl"]},
        ja="係数 1/2 が抜けています: -1/2 Σ (1 + log σ² − μ² − σ²)。",
        en="the factor 1/2 is missing: -1/2 Σ (1 + log σ² − μ² − σ²).",
    ),
    Variant(
        "kl_sum_axis0",
        lambda c: {"kl": float(np.mean(np.sum(_kl_terms(c), axis=0)))},
        ja="和をとる軸が逆です（axis=0 はバッチの軸）。潜在次元 axis=1 で合計し、バッチで平均します。",
        en="the sum runs over the wrong axis (axis=0 is the batch): sum over the latent axis=1, then "
        "average over the batch.",
    ),
)

CHECKS = {
    "reparameterize": Cases(inputs=_inputs, run=_run_z, expected=_expected_z, variants=Z_VARIANTS),
    "kl": Cases(inputs=_inputs, run=_run_kl, expected=_expected_kl, variants=KL_VARIANTS),
}
