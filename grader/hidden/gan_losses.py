"""Hidden tests for `gan_losses`.

L_D = −mean(log D(x)) − mean(log(1 − D(G(z)))) (each mean over its own batch; N != M in most cases),
L_G = −mean(log D(G(z))) (non-saturating). Outputs lie in [0.02, 0.98]; the tolerance accepts a 1e-7
added inside the log (book 1's cross_entropy_error style).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SIZES = ((4, 3), (5, 7), (3, 3))
RTOL, ATOL = 1e-4, 1e-6


def _inputs(rng) -> list[dict]:
    return [{"d_real": rng.uniform(0.02, 0.98, size=n), "d_fake": rng.uniform(0.02, 0.98, size=m)} for n, m in SIZES]


def _run_d(learner, c) -> dict:
    return {"loss_D": learner.discriminator_loss(c["d_real"], c["d_fake"])}


def _run_g(learner, c) -> dict:
    return {"loss_G": learner.generator_loss(c["d_fake"])}


def _d(c) -> dict:
    return {"loss_D": float(-np.mean(np.log(c["d_real"])) - np.mean(np.log(1 - c["d_fake"])))}


def _g(c) -> dict:
    return {"loss_G": float(-np.mean(np.log(c["d_fake"])))}


D_VARIANTS = (
    Variant(
        "d_sign",
        lambda c: {"loss_D": -_d(c)["loss_D"]},
        ja="符号が逆です。log D(x) + log(1 − D(G(z))) は識別器が「最大化」する量なので、最小化する損失はその"
        "マイナス: −mean log D(x) − mean log(1 − D(G(z)))。",
        en="the sign is flipped: log D(x) + log(1 − D(G(z))) is what the discriminator maximises, so the loss "
        "to minimise is its negative: −mean log D(x) − mean log(1 − D(G(z))).",
    ),
    Variant(
        "d_labels_swapped",
        lambda c: {"loss_D": float(-np.mean(np.log(1 - c["d_real"])) - np.mean(np.log(c["d_fake"])))},
        ja="本物と偽物のラベルが逆です。本物 x は D(x) → 1（−log D(x)）、偽物は D(G(z)) → 0（−log(1 − D(G(z)))）。",
        en="the real and fake labels are swapped: real x should give D(x) → 1 (−log D(x)), fakes "
        "D(G(z)) → 0 (−log(1 − D(G(z)))).",
    ),
    Variant(
        "d_fake_as_real",
        lambda c: {"loss_D": float(-np.mean(np.log(c["d_real"])) - np.mean(np.log(c["d_fake"])))},
        ja="偽物の項が −log D(G(z)) になっています。識別器にとって偽物のラベルは 0 なので −log(1 − D(G(z)))。",
        en="the fake term is −log D(G(z)): for the discriminator the fake label is 0, so the term is "
        "−log(1 − D(G(z))).",
    ),
    Variant(
        "d_concat_mean",
        lambda c: {
            "loss_D": float(
                -(np.sum(np.log(c["d_real"])) + np.sum(np.log(1 - c["d_fake"]))) / (c["d_real"].size + c["d_fake"].size)
            )
        },
        ja="本物と偽物をまとめて N + M で平均しています。この問題では 2 つの項をそれぞれのバッチで平均して足します。",
        en="real and fake are averaged together over N + M samples: this problem averages each term over its "
        "own batch and adds the two means.",
    ),
    Variant(
        "d_sum",
        lambda c: {"loss_D": float(-np.sum(np.log(c["d_real"])) - np.sum(np.log(1 - c["d_fake"])))},
        ja="バッチで合計しています。それぞれのバッチで平均をとります（np.mean）。",
        en="the terms are summed over the batch: take each term's mean (np.mean).",
    ),
)

G_VARIANTS = (
    Variant(
        "g_saturating",
        lambda c: {"loss_G": float(np.mean(np.log(1 - c["d_fake"])))},
        ja="それはミニマックスの元の（飽和する）形 log(1 − D(G(z))) です。学習の初め D(G(z)) ≈ 0 では勾配がほぼ 0 に"
        "なるので、この問題では非飽和の −log D(G(z)) を使います。",
        en="that is the original minimax (saturating) form log(1 − D(G(z))): early in training D(G(z)) ≈ 0 and "
        "its gradient nearly vanishes, so this problem uses the non-saturating −log D(G(z)).",
    ),
    Variant(
        "g_sign",
        lambda c: {"loss_G": -_g(c)["loss_G"]},
        ja="符号が逆です。生成器は D(G(z)) を 1 に近づけたいので、最小化する損失は −mean log D(G(z))。",
        en="the sign is flipped: the generator wants D(G(z)) → 1, so the loss to minimise is −mean log D(G(z)).",
    ),
    Variant(
        "g_fake_label",
        lambda c: {"loss_G": float(-np.mean(np.log(1 - c["d_fake"])))},
        ja="識別器の偽物の項 −log(1 − D(G(z))) をそのまま使っています。これを最小化すると D(G(z)) → 0 に向かい、"
        "生成器の目的と逆です。生成器は −log D(G(z)) を最小化します。",
        en="that is the discriminator's fake term −log(1 − D(G(z))): minimising it pushes D(G(z)) → 0, the "
        "opposite of the generator's goal. The generator minimises −log D(G(z)).",
    ),
    Variant(
        "g_sum",
        lambda c: {"loss_G": float(-np.sum(np.log(c["d_fake"])))},
        ja="バッチで合計しています。平均をとります（np.mean）。",
        en="the loss is summed over the batch: take the mean (np.mean).",
    ),
)

CHECKS = {
    "discriminator": Cases(inputs=_inputs, run=_run_d, expected=_d, variants=D_VARIANTS, rtol=RTOL, atol=ATOL),
    "generator": Cases(inputs=_inputs, run=_run_g, expected=_g, variants=G_VARIANTS, rtol=RTOL, atol=ATOL),
}
