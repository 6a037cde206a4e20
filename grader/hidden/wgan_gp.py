"""Hidden tests for `wgan_gp`: the critic D(x) = tanh(x W + c) · v, its per-sample input gradient
((1 − a²) * v) @ W.T, the WGAN-GP critic loss mean D(fake) − mean D(real) + λ mean (‖∇D(x̂)‖ − 1)² with
x̂ = ε real + (1 − ε) fake (ε of shape (N, 1)), and the generator loss −mean D(fake).

N, D and H all differ (a transposed W fails on shape), real and fake come from shifted distributions
(the side of the interpolation shows), and the gradient norms straddle 1 (a one-sided penalty shows).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

SIZES = ((4, 3, 5, 10.0), (6, 5, 2, 10.0), (3, 2, 7, 5.0))


def _params(rng, d, h) -> dict:
    return {"W": rng.normal(size=(d, h)) * 0.7, "c": rng.normal(size=h) * 0.5, "v": rng.normal(size=h)}


def _grad_inputs(rng) -> list[dict]:
    return [{"x": rng.normal(size=(n, d)), **_params(rng, d, h)} for n, d, h, _ in SIZES]


def _loss_inputs(rng) -> list[dict]:
    cases = []
    for n, d, h, lam in SIZES:
        cases.append(
            {
                "real": rng.normal(size=(n, d)) + 1.0,
                "fake": rng.normal(size=(n, d)) * 0.5 - 0.5,
                "eps": rng.uniform(0.1, 0.9, size=(n, 1)),
                **_params(rng, d, h),
                "lam": lam,
            }
        )
    return cases


def _D(x, c) -> np.ndarray:
    return np.tanh(x @ c["W"] + c["c"]) @ c["v"]


def _grad(x, c) -> np.ndarray:
    a = np.tanh(x @ c["W"] + c["c"])
    return ((1.0 - a**2) * c["v"]) @ c["W"].T


def _run_grad(learner, c) -> dict:
    return {"grad": learner.critic_input_grad(c["x"], c["W"], c["c"], c["v"])}


GRAD_VARIANTS = (
    Variant(
        "no_tanh_derivative",
        lambda c: {"grad": np.tile(c["v"] @ c["W"].T, (c["x"].shape[0], 1))},
        ja="tanh の微分が抜けています（どの行も v @ W.T）。a = tanh(x W + c) として ((1 - a**2) * v) @ W.T です。",
        en="the derivative of tanh is missing (every row is v @ W.T): with a = tanh(x W + c) it is "
        "((1 - a**2) * v) @ W.T.",
    ),
    Variant(
        "derivative_at_preactivation",
        lambda c: {"grad": ((1.0 - (c["x"] @ c["W"] + c["c"]) ** 2) * c["v"]) @ c["W"].T},
        ja="tanh の微分を活性化の前の値 u = x W + c で 1 − u² としています。tanh'(u) = 1 − tanh(u)² なので、"
        "活性化の後の a = tanh(u) で 1 − a² です。",
        en="the derivative of tanh is written as 1 − u² with the pre-activation u = x W + c: tanh'(u) = 1 − tanh(u)², "
        "i.e. 1 − a² with the activation a = tanh(u).",
    ),
    Variant(
        "divided_by_batch",
        lambda c: {"grad": _grad(c["x"], c) / c["x"].shape[0]},
        ja="勾配を N で割っています（mean D(x) の勾配）。勾配ペナルティに使うのは各サンプルの ∇_x D(x_n) そのものです。",
        en="the gradient is divided by N (the gradient of mean D(x)): the gradient penalty needs each sample's own "
        "∇_x D(x_n).",
    ),
)


def _x_hat(c, eps=None):
    eps = c["eps"] if eps is None else eps
    return eps * c["real"] + (1.0 - eps) * c["fake"]


def _norms(x, c) -> np.ndarray:
    return np.sqrt(np.sum(_grad(x, c) ** 2, axis=1))


def _wasserstein(c) -> float:
    return float(np.mean(_D(c["fake"], c)) - np.mean(_D(c["real"], c)))


def _critic_loss(c) -> float:
    return _wasserstein(c) + c["lam"] * float(np.mean((_norms(_x_hat(c), c) - 1.0) ** 2))


def _with_penalty(c, penalty) -> dict:
    return {"loss": _wasserstein(c) + c["lam"] * float(penalty)}


def _run_loss(learner, c) -> dict:
    return {"loss": learner.critic_loss(c["real"], c["fake"], c["eps"], c["W"], c["c"], c["v"], c["lam"])}


LOSS_VARIANTS = (
    Variant(
        "signs_swapped",
        lambda c: {"loss": -_wasserstein(c) + c["lam"] * float(np.mean((_norms(_x_hat(c), c) - 1.0) ** 2))},
        ja="Wasserstein の項の符号が逆です。critic は本物に大きく、偽物に小さい値を出したいので、最小化する損失は "
        "mean D(fake) − mean D(real) です。",
        en="the signs of the Wasserstein terms are swapped: the critic wants large values on real data and small ones "
        "on fakes, so the loss to minimise is mean D(fake) − mean D(real).",
    ),
    Variant(
        "penalty_squared_norm",
        lambda c: _with_penalty(c, np.mean(_norms(_x_hat(c), c) ** 2)),
        ja="ペナルティが ‖∇D‖² になっています。勾配のノルムを 0 ではなく 1 に近づけるので (‖∇D(x̂)‖₂ − 1)² です。",
        en="the penalty is ‖∇D‖²: it pulls the gradient norm towards 1, not 0, so it is (‖∇D(x̂)‖₂ − 1)².",
    ),
    Variant(
        "penalty_squared_norm_minus_one",
        lambda c: _with_penalty(c, np.mean((_norms(_x_hat(c), c) ** 2 - 1.0) ** 2)),
        ja="ペナルティが (‖∇D‖² − 1)² になっています。2 乗する前のノルム（np.sqrt をとったもの）から 1 を引きます。",
        en="the penalty is (‖∇D‖² − 1)²: subtract 1 from the norm itself (after the np.sqrt), then square.",
    ),
    Variant(
        "norm_over_batch",
        lambda c: _with_penalty(c, (np.sqrt(np.sum(_grad(_x_hat(c), c) ** 2)) - 1.0) ** 2),
        ja="ノルムをバッチ全体の勾配 (N, D) についてとっています。ノルムはサンプルごとに（axis=1 で）とり、"
        "(‖∇D(x̂_n)‖ − 1)² をバッチで平均します。",
        en="the norm is taken over the whole (N, D) gradient of the batch: take it per sample (axis=1) and average "
        "(‖∇D(x̂_n)‖ − 1)² over the batch.",
    ),
    Variant(
        "interpolation_reversed",
        lambda c: _with_penalty(c, np.mean((_norms(_x_hat(c, 1.0 - c["eps"]), c) - 1.0) ** 2)),
        ja="補間の向きが逆です（ε が偽物に掛かっています）。ε ~ U[0, 1] なら分布としてはどちらも同じですが、ε を"
        "与えているこの問題では x̂ = ε · real + (1 − ε) · fake と決めています。",
        en="the interpolation runs the other way (ε multiplies the fakes): with ε ~ U[0, 1] both give the same "
        "distribution, but with ε given this problem fixes x̂ = ε · real + (1 − ε) · fake.",
    ),
    Variant(
        "penalty_at_real",
        lambda c: _with_penalty(c, np.mean((_norms(c["real"], c) - 1.0) ** 2)),
        ja="ペナルティを本物のデータの点で計算しています。本物と偽物を結ぶ線分上の点 x̂ = ε · real + (1 − ε) · fake "
        "で計算します。",
        en="the penalty is evaluated at the real samples: evaluate it at the points x̂ = ε · real + (1 − ε) · fake on "
        "the segments between real and fake samples.",
    ),
    Variant(
        "penalty_at_fake",
        lambda c: _with_penalty(c, np.mean((_norms(c["fake"], c) - 1.0) ** 2)),
        ja="ペナルティを生成データの点で計算しています。補間した点 x̂ = ε · real + (1 − ε) · fake で計算します。",
        en="the penalty is evaluated at the fake samples: evaluate it at the interpolates x̂ = ε · real + (1 − ε) · fake.",
    ),
    Variant(
        "one_sided",
        lambda c: _with_penalty(c, np.mean(np.maximum(_norms(_x_hat(c), c) - 1.0, 0.0) ** 2)),
        ja="ノルムが 1 を超えたときだけ罰しています（片側のペナルティ）。WGAN-GP の標準の形は両側で、ノルムが 1 より"
        "小さいときも (‖∇D‖ − 1)² を加えます。",
        en="only norms above 1 are penalised (a one-sided penalty): WGAN-GP's standard form is two-sided and adds "
        "(‖∇D‖ − 1)² for norms below 1 as well.",
    ),
    Variant(
        "penalty_summed",
        lambda c: _with_penalty(c, np.sum((_norms(_x_hat(c), c) - 1.0) ** 2)),
        ja="ペナルティをバッチで合計しています。Wasserstein の項と同じくバッチで平均します。",
        en="the penalty is summed over the batch: average it over the batch, like the Wasserstein terms.",
    ),
    Variant(
        "no_lambda",
        lambda c: {"loss": _wasserstein(c) + float(np.mean((_norms(_x_hat(c), c) - 1.0) ** 2))},
        ja="ペナルティに係数 lam が掛かっていません: lam · mean (‖∇D(x̂)‖ − 1)²。",
        en="the penalty lacks its coefficient lam: lam · mean (‖∇D(x̂)‖ − 1)².",
    ),
)


def _gen_inputs(rng) -> list[dict]:
    return [{"fake": rng.normal(size=(n, d)), **_params(rng, d, h)} for n, d, h, _ in SIZES]


def _run_gen(learner, c) -> dict:
    return {"loss_G": learner.generator_loss(c["fake"], c["W"], c["c"], c["v"])}


GEN_VARIANTS = (
    Variant(
        "gen_sign",
        lambda c: {"loss_G": float(np.mean(_D(c["fake"], c)))},
        ja="符号が逆です。生成器は critic の値 D(fake) を大きくしたいので、最小化する損失は −mean D(fake) です。",
        en="the sign is flipped: the generator wants the critic's value D(fake) to be large, so the loss to minimise "
        "is −mean D(fake).",
    ),
    Variant(
        "gen_sum",
        lambda c: {"loss_G": float(-np.sum(_D(c["fake"], c)))},
        ja="バッチで合計しています。平均をとります（np.mean）。",
        en="the loss is summed over the batch: take the mean (np.mean).",
    ),
)

CHECKS = {
    "input_grad": Cases(
        inputs=_grad_inputs, run=_run_grad, expected=lambda c: {"grad": _grad(c["x"], c)}, variants=GRAD_VARIANTS
    ),
    "gradcheck": GradCheck(
        inputs=_grad_inputs, run=_run_grad, loss=lambda c: float(np.sum(_D(c["x"], c))), wrt={"grad": "x"}
    ),
    "critic_loss": Cases(
        inputs=_loss_inputs, run=_run_loss, expected=lambda c: {"loss": _critic_loss(c)}, variants=LOSS_VARIANTS
    ),
    "generator": Cases(
        inputs=_gen_inputs,
        run=_run_gen,
        expected=lambda c: {"loss_G": float(-np.mean(_D(c["fake"], c)))},
        variants=GEN_VARIANTS,
    ),
}
