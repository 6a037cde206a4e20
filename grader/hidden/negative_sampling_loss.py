"""Hidden tests for `negative_sampling_loss`: ns_loss(h, W_out, target, negatives) -> (L, dh).

L = (1/N) Σ_n [ −log σ(h_n·w_target) − Σ_k log(1 − σ(h_n·w_neg_k)) ] with W_out (V, H) rows as word
vectors; this equals book 2's NegativeSamplingLoss (a batch-mean SigmoidWithLoss for the positive
word plus one for each of the K negatives). The loss is compared with rtol 1e-5, so book 2's
1e-7 inside the log is tolerated.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

# (N, H, V, K): all different, batch >= 2, K >= 2.
SHAPES = ((4, 3, 9, 2), (3, 5, 12, 4), (6, 4, 8, 3))


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _inputs(rng) -> list[dict]:
    cases = []
    for n, h, v, k in SHAPES:
        cases.append(
            {
                "h": rng.normal(size=(n, h)),
                "W_out": rng.normal(scale=0.6, size=(v, h)),
                "target": rng.integers(0, v, size=n),
                "negatives": rng.integers(0, v, size=(n, k)),
            }
        )
    return cases


def _ns(case, *, swap=False, batch="mean", per_word=False, grad_sign=1.0) -> dict:
    """The reference (L, dh), with one knob per known mistake (defaults give the right answer)."""
    h, W = case["h"], case["W_out"]
    n, k = case["negatives"].shape
    w_pos, w_neg = W[case["target"]], W[case["negatives"]]
    p_pos = _sigmoid(np.sum(h * w_pos, axis=1))
    p_neg = _sigmoid(np.einsum("nh,nkh->nk", h, w_neg))
    lab_pos, lab_neg = (0.0, 1.0) if swap else (1.0, 0.0)

    def ce(p, label):
        return -(label * np.log(p) + (1 - label) * np.log(1 - p))

    total = np.sum(ce(p_pos, lab_pos)) + np.sum(ce(p_neg, lab_neg))
    dh = (p_pos - lab_pos)[:, None] * w_pos + np.einsum("nk,nkh->nh", p_neg - lab_neg, w_neg)
    scale = {"mean": 1 / n, "sum": 1.0}[batch] / (k + 1 if per_word else 1)
    return {"loss": float(total * scale), "dh": grad_sign * dh * scale}


def _run(learner, case) -> dict:
    out = learner.ns_loss(case["h"], case["W_out"], case["target"], case["negatives"])
    loss, dh = tuple(out) if isinstance(out, (tuple, list)) and len(out) == 2 else (out, None)
    return {"loss": loss, "dh": dh}


def _loss(case) -> float:
    return _ns(case)["loss"]


VARIANTS = (
    Variant(
        "labels_swapped",
        lambda c: _ns(c, swap=True),
        ja="ラベルが逆です。正解の単語（target）はラベル 1 で −log σ(s_pos)、負例はラベル 0 で −log(1 − σ(s_neg)) です。"
        "勾配も σ(s) − ラベル なので、正例は σ(s_pos) − 1、負例は σ(s_neg) です。",
        en="the labels are swapped: the target word has label 1, −log σ(s_pos); the negatives have label 0, "
        "−log(1 − σ(s_neg)). The gradient is σ(s) − label: σ(s_pos) − 1 for the positive, σ(s_neg) for "
        "the negatives.",
    ),
    Variant(
        "batch_sum",
        lambda c: _ns(c, batch="sum"),
        ja="バッチについて合計しています（N 倍大きい）。この問題は 2 巻と同じくバッチの平均で、1/N を掛けます"
        "（L にも dh にも）。",
        en="you summed over the batch (N times too large): as in book 2 this problem takes the batch MEAN, "
        "a factor 1/N in both L and dh.",
    ),
    Variant(
        "mean_over_words",
        lambda c: _ns(c, per_word=True),
        ja="正例と負例の 1 + K 語についても平均しています。1 つのサンプルの中では 1 + K 個の損失を「合計」し、"
        "平均するのはバッチについてだけです。",
        en="you also averaged over the 1 + K words: within a sample the 1 + K losses are SUMMED; only the "
        "batch is averaged.",
    ),
    Variant(
        "dh_sign_flipped",
        lambda c: _ns(c, grad_sign=-1.0),
        ja="dh の符号が逆です。−log σ(s) の s による微分は σ(s) − 1、−log(1 − σ(s)) の微分は σ(s) です"
        "（どちらも σ(s) − ラベル）。",
        en="dh has the wrong sign: d/ds of −log σ(s) is σ(s) − 1, and of −log(1 − σ(s)) it is σ(s) (both "
        "σ(s) − label).",
    ),
)

CHECKS = {
    "loss": Cases(
        inputs=_inputs,
        run=lambda learner, case: {"loss": _run(learner, case)["loss"]},
        expected=lambda c: {"loss": _ns(c)["loss"]},
        variants=VARIANTS,
        rtol=1e-5,
    ),
    "grad": Cases(
        inputs=_inputs,
        run=lambda learner, case: {"dh": _run(learner, case)["dh"]},
        expected=lambda c: {"dh": _ns(c)["dh"]},
        variants=VARIANTS,
    ),
    "gradcheck": GradCheck(
        inputs=_inputs, run=lambda learner, case: {"dh": _run(learner, case)["dh"]}, loss=_loss, wrt={"dh": "h"}
    ),
}
