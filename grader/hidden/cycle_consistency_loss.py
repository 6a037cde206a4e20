"""Hidden tests for `cycle_consistency_loss`: CycleGAN's generator losses for given maps.

G: X → Y and F: Y → X are the linear maps G(t) = t A, F(t) = t B (A, B: (D, D), D ≠ N), the
discriminators D_X(t) = t u and D_Y(t) = t w return (N,). cycle = mean|F(G(x)) − x| + mean|G(F(y)) − y|,
identity = mean|G(y) − y| + mean|F(x) − x| (means over all elements), the least-squares generator loss
mean (d − 1)², the total L_G = lsgan(D_Y(G(x))) + lsgan(D_X(F(y))) + λ_cyc cycle + λ_id identity, and the
gradient of the forward cycle term mean|x A B − x| with respect to A. x and y come from shifted
distributions (the domain fed to the identity term shows); the differences are continuous random
numbers, never exactly 0 (the kink of |·|).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

SIZES = ((4, 3), (6, 5), (3, 7))


def _inputs(rng) -> list[dict]:
    cases = []
    for (n, d), (lam_cyc, lam_id) in zip(SIZES, ((10.0, 5.0), (7.0, 2.0), (4.0, 3.0))):
        cases.append(
            {
                "x": rng.normal(size=(n, d)) + 1.0,
                "y": rng.normal(size=(n, d)) * 0.5 - 1.0,
                "A": np.eye(d) * 0.6 + rng.normal(size=(d, d)) * 0.4,
                "B": np.eye(d) * 0.8 + rng.normal(size=(d, d)) * 0.4,
                "u": rng.normal(size=d),
                "w": rng.normal(size=d),
                "lam_cyc": lam_cyc,
                "lam_id": lam_id,
            }
        )
    return cases


def _mae(a, b) -> float:
    return float(np.mean(np.abs(a - b)))


def _cycle(c, err=_mae) -> float:
    x, y, A, B = c["x"], c["y"], c["A"], c["B"]
    return err(x @ A @ B, x) + err(y @ B @ A, y)


def _identity(c, err=_mae) -> float:
    x, y, A, B = c["x"], c["y"], c["A"], c["B"]
    return err(y @ A, y) + err(x @ B, x)


def _sq(a, b) -> float:
    return float(np.mean((a - b) ** 2))


def _sum_abs(a, b) -> float:
    return float(np.sum(np.abs(a - b)))


def _maps(c):
    return (lambda t: t @ c["A"]), (lambda t: t @ c["B"])


def _run_cycle(learner, c) -> dict:
    G, F = _maps(c)
    return {"cycle": learner.cycle_loss(c["x"], c["y"], G, F)}


def _per_sample_l1(a, b) -> float:
    return float(np.mean(np.sum(np.abs(a - b), axis=1)))


CYCLE_VARIANTS = (
    Variant(
        "cycle_squared",
        lambda c: {"cycle": _cycle(c, _sq)},
        ja="誤差を 2 乗しています。CycleGAN の cycle-consistency 損失は L1（差の絶対値）です: np.abs(F(G(x)) - x)。",
        en="the error is squared: CycleGAN's cycle-consistency loss is an L1 loss (absolute differences), "
        "np.abs(F(G(x)) - x).",
    ),
    Variant(
        "cycle_forward_only",
        lambda c: {"cycle": _mae(c["x"] @ c["A"] @ c["B"], c["x"])},
        ja="前向きのサイクル x → G(x) → F(G(x)) の項しかありません。後ろ向きのサイクル y → F(y) → G(F(y)) の項 "
        "mean|G(F(y)) − y| も足します。",
        en="only the forward cycle x → G(x) → F(G(x)) is there: add the backward cycle y → F(y) → G(F(y)), "
        "mean|G(F(y)) − y|.",
    ),
    Variant(
        "cycle_backward_only",
        lambda c: {"cycle": _mae(c["y"] @ c["B"] @ c["A"], c["y"])},
        ja="後ろ向きのサイクル y → F(y) → G(F(y)) の項しかありません。前向きのサイクルの項 mean|F(G(x)) − x| も足します。",
        en="only the backward cycle y → F(y) → G(F(y)) is there: add the forward cycle term mean|F(G(x)) − x|.",
    ),
    Variant(
        "cycle_sum",
        lambda c: {"cycle": _cycle(c, _sum_abs)},
        ja="絶対値を合計しています。この問題ではそれぞれの項で全要素について平均します（np.mean）。",
        en="the absolute values are summed: this problem averages each term over all its elements (np.mean).",
    ),
    Variant(
        "cycle_per_sample_norm",
        lambda c: {"cycle": _cycle(c, _per_sample_l1)},
        ja="サンプルごとの L1 ノルム ‖·‖₁ をバッチで平均しています（D 倍の値）。この問題では全要素について平均します。",
        en="the per-sample L1 norm ‖·‖₁ is averaged over the batch (D times the value): this problem averages over "
        "all elements.",
    ),
    Variant(
        "cycle_against_translation",
        lambda c: {
            "cycle": _mae(c["x"] @ c["A"] @ c["B"], c["x"] @ c["A"]) + _mae(c["y"] @ c["B"] @ c["A"], c["y"] @ c["B"])
        },
        ja="再構成を変換した画像 G(x) と比べています。再構成 F(G(x)) は元の入力 x と比べます（G(F(y)) は y と）。",
        en="the reconstruction is compared with the translation G(x): compare F(G(x)) with the original input x "
        "(and G(F(y)) with y).",
    ),
)


def _run_identity(learner, c) -> dict:
    G, F = _maps(c)
    return {"identity": learner.identity_loss(c["x"], c["y"], G, F)}


IDENTITY_VARIANTS = (
    Variant(
        "identity_wrong_domain",
        lambda c: {"identity": _mae(c["x"] @ c["A"], c["x"]) + _mae(c["y"] @ c["B"], c["y"])},
        ja="それぞれの生成器に自分の入力のドメインの画像を入れています（G(x) − x）。identity 損失は、出力側の"
        "ドメインの画像を入れたときに何も変えないことを求めるので、G: X → Y には y を入れて mean|G(y) − y|、F には x を"
        "入れて mean|F(x) − x| です。",
        en="each generator is fed images of its own input domain (G(x) − x): the identity loss asks a generator to "
        "leave images of its output domain unchanged, so G: X → Y is fed y, mean|G(y) − y|, and F is fed x, "
        "mean|F(x) − x|.",
    ),
    Variant(
        "identity_squared",
        lambda c: {"identity": _identity(c, _sq)},
        ja="誤差を 2 乗しています。identity 損失も L1（差の絶対値の平均）です。",
        en="the error is squared: the identity loss is an L1 loss too (the mean of absolute differences).",
    ),
    Variant(
        "identity_sum",
        lambda c: {"identity": _identity(c, _sum_abs)},
        ja="絶対値を合計しています。それぞれの項で全要素について平均します（np.mean）。",
        en="the absolute values are summed: average each term over all its elements (np.mean).",
    ),
    Variant(
        "identity_one_term",
        lambda c: {"identity": _mae(c["y"] @ c["A"], c["y"])},
        ja="G の項しかありません。F の項 mean|F(x) − x| も足します。",
        en="only G's term is there: add F's term mean|F(x) − x|.",
    ),
)


def _d_inputs(rng) -> list[dict]:
    return [{"d_fake": rng.uniform(0.05, 0.95, size=n)} for n in (5, 8, 3)]


def _lsgan(d) -> float:
    return float(np.mean((d - 1.0) ** 2))


LSGAN_VARIANTS = (
    Variant(
        "lsgan_target_zero",
        lambda c: {"loss": float(np.mean(c["d_fake"] ** 2))},
        ja="目標が 0 になっています（識別器が偽物に使う目標）。生成器は D(G(x)) を本物の目標 1 に近づけたいので "
        "mean (D(G(x)) − 1)² です。",
        en="the target is 0 (the discriminator's target for fakes): the generator wants D(G(x)) to reach the real "
        "target 1, so it is mean (D(G(x)) − 1)².",
    ),
    Variant(
        "lsgan_vanilla_log",
        lambda c: {"loss": float(-np.mean(np.log(c["d_fake"])))},
        ja="元の GAN の対数の損失 −mean log D(G(x)) です。CycleGAN は最小二乗 GAN（LSGAN）の損失 mean (D(G(x)) − 1)² "
        "を使います（学習が安定するため）。",
        en="that is the original GAN's log loss −mean log D(G(x)): CycleGAN uses the least-squares GAN (LSGAN) loss "
        "mean (D(G(x)) − 1)², which trains more stably.",
    ),
    Variant(
        "lsgan_half",
        lambda c: {"loss": 0.5 * _lsgan(c["d_fake"])},
        ja="1/2 を掛けています。LSGAN の論文の式には 1/2 がありますが、この問題では CycleGAN の論文のとおり "
        "mean (D(G(x)) − 1)² とします。",
        en="a factor 1/2 is applied: the LSGAN paper writes one, but this problem follows the CycleGAN paper, "
        "mean (D(G(x)) − 1)².",
    ),
    Variant(
        "lsgan_sum",
        lambda c: {"loss": float(np.sum((c["d_fake"] - 1.0) ** 2))},
        ja="バッチで合計しています。平均をとります（np.mean）。",
        en="the loss is summed over the batch: take the mean (np.mean).",
    ),
)


def _adv(c, dx_key="u", dy_key="w") -> float:
    x, y, A, B = c["x"], c["y"], c["A"], c["B"]
    return _lsgan(x @ A @ c[dy_key]) + _lsgan(y @ B @ c[dx_key])


def _total(c) -> float:
    return _adv(c) + c["lam_cyc"] * _cycle(c) + c["lam_id"] * _identity(c)


def _run_total(learner, c) -> dict:
    G, F = _maps(c)
    D_X = lambda t: t @ c["u"]  # noqa: E731
    D_Y = lambda t: t @ c["w"]  # noqa: E731
    return {"total": learner.total_generator_loss(c["x"], c["y"], G, F, D_X, D_Y, c["lam_cyc"], c["lam_id"])}


TOTAL_VARIANTS = (
    Variant(
        "lambda_on_adversarial",
        lambda c: {"total": c["lam_cyc"] * _adv(c) + _cycle(c) + c["lam_id"] * _identity(c)},
        ja="λ_cyc を敵対的損失に掛けています。λ_cyc は cycle-consistency 損失の重みです: "
        "L_GAN(G) + L_GAN(F) + λ_cyc · cycle + λ_id · identity。",
        en="λ_cyc multiplies the adversarial terms: it is the weight of the cycle-consistency loss, "
        "L_GAN(G) + L_GAN(F) + λ_cyc · cycle + λ_id · identity.",
    ),
    Variant(
        "discriminators_swapped",
        lambda c: {"total": _adv(c, dx_key="w", dy_key="u") + c["lam_cyc"] * _cycle(c) + c["lam_id"] * _identity(c)},
        ja="識別器が逆です。G(x) はドメイン Y の偽物なので D_Y に、F(y) はドメイン X の偽物なので D_X に入れます。",
        en="the discriminators are swapped: G(x) is a fake of domain Y and goes to D_Y; F(y) is a fake of domain X "
        "and goes to D_X.",
    ),
    Variant(
        "one_adversarial_term",
        lambda c: {"total": _lsgan(c["x"] @ c["A"] @ c["w"]) + c["lam_cyc"] * _cycle(c) + c["lam_id"] * _identity(c)},
        ja="敵対的損失が G の分しかありません。F の分 mean (D_X(F(y)) − 1)² も足します。",
        en="only G's adversarial term is there: add F's, mean (D_X(F(y)) − 1)².",
    ),
    Variant(
        "identity_weight_relative",
        lambda c: {"total": _adv(c) + c["lam_cyc"] * _cycle(c) + c["lam_cyc"] * c["lam_id"] * _identity(c)},
        ja="identity の重みに λ_cyc を掛けています。公式実装の lambda_identity = 0.5 は λ_cyc に対する比ですが、"
        "この問題の lam_id は重みそのもの（論文の 0.5 λ_cyc にあたる値）です。",
        en="the identity weight is multiplied by λ_cyc: the official code's lambda_identity = 0.5 is relative to "
        "λ_cyc, but this problem's lam_id is the weight itself (the paper's 0.5 λ_cyc).",
    ),
    Variant(
        "no_identity",
        lambda c: {"total": _adv(c) + c["lam_cyc"] * _cycle(c)},
        ja="identity 損失の項 λ_id · identity がありません。",
        en="the identity term λ_id · identity is missing.",
    ),
)


def _grad_A(c) -> np.ndarray:
    x, A, B = c["x"], c["A"], c["B"]
    r = x @ A @ B - x
    return x.T @ (np.sign(r) / r.size) @ B.T


def _run_grad(learner, c) -> dict:
    return {"grad_A": learner.cycle_grad_A(c["x"], c["A"], c["B"])}


GRAD_VARIANTS = (
    Variant(
        "grad_no_mean",
        lambda c: {"grad_A": _grad_A(c) * c["x"].size},
        ja="平均の 1/(N D) が抜けています（合計の勾配）。sign(R) / R.size を使います。",
        en="the 1/(N D) of the mean is missing (the gradient of the sum): use sign(R) / R.size.",
    ),
    Variant(
        "grad_over_batch",
        lambda c: {"grad_A": _grad_A(c) * c["x"].shape[1]},
        ja="N でしか割っていません。平均は N × D 個の全要素についてとるので R.size で割ります。",
        en="the gradient is divided by N only: the mean runs over all N × D elements, so divide by R.size.",
    ),
    Variant(
        "grad_squared",
        lambda c: {"grad_A": c["x"].T @ ((c["x"] @ c["A"] @ c["B"] - c["x"]) * 2.0 / c["x"].size) @ c["B"].T},
        ja="2 乗誤差の勾配（2R / (N D)）になっています。|R| の微分は sign(R) です。",
        en="that is the gradient of the squared error (2R / (N D)): the derivative of |R| is sign(R).",
    ),
    Variant(
        "grad_no_B",
        lambda c: {"grad_A": c["x"].T @ (np.sign(c["x"] @ c["A"] @ c["B"] - c["x"]) / c["x"].size)},
        ja="F の重み B を通した逆伝播が抜けています。R = x A B − x なので、(x A) についての勾配に B^T を右から掛けます: "
        "x.T @ S @ B.T。",
        en="the backward pass through F's weights B is missing: with R = x A B − x, the gradient with respect to "
        "(x A) is S @ B.T, so the result is x.T @ S @ B.T.",
    ),
    Variant(
        "grad_transposed",
        lambda c: {"grad_A": _grad_A(c).T},
        ja="勾配が転置されています。A と同じ形 (D, D) で、(i, j) 成分が ∂L/∂A_ij です: x.T @ S @ B.T。",
        en="the gradient is transposed: it has A's shape (D, D) with entry (i, j) equal to ∂L/∂A_ij, x.T @ S @ B.T.",
    ),
)

CHECKS = {
    "cycle": Cases(inputs=_inputs, run=_run_cycle, expected=lambda c: {"cycle": _cycle(c)}, variants=CYCLE_VARIANTS),
    "identity": Cases(
        inputs=_inputs, run=_run_identity, expected=lambda c: {"identity": _identity(c)}, variants=IDENTITY_VARIANTS
    ),
    "lsgan": Cases(
        inputs=_d_inputs,
        run=lambda learner, c: {"loss": learner.lsgan_generator_loss(c["d_fake"])},
        expected=lambda c: {"loss": _lsgan(c["d_fake"])},
        variants=LSGAN_VARIANTS,
    ),
    "total": Cases(inputs=_inputs, run=_run_total, expected=lambda c: {"total": _total(c)}, variants=TOTAL_VARIANTS),
    "grad_A": Cases(inputs=_inputs, run=_run_grad, expected=lambda c: {"grad_A": _grad_A(c)}, variants=GRAD_VARIANTS),
    "gradcheck": GradCheck(
        inputs=_inputs,
        run=_run_grad,
        loss=lambda c: _mae(c["x"] @ c["A"] @ c["B"], c["x"]),
        wrt={"grad_A": "A"},
    ),
}
