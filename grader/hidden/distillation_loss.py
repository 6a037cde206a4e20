"""Hidden tests for `distillation_loss`: loss = T² · mean_n KL(p_n || q_n), p = softmax(t/T), q = softmax(s/T);
dstudent = T (q − p) / N.

N != C in every case and T != 1, so a missing T², a temperature on one side only or a missing 1/N show.
The "stable" check shifts the rows by up to 3000 and spreads one row over 2900: even divided by T = 4 a
softmax without each row's max subtracted overflows or underflows.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._softmax import log_softmax as _log_softmax

SETTINGS = ((3, 5, 2.0), (4, 3, 4.0), (2, 6, 1.5))


def _inputs(rng) -> list[dict]:
    return [{"s": rng.normal(size=(n, c)) * 2.0, "t": rng.normal(size=(n, c)) * 3.0, "T": T} for n, c, T in SETTINGS]


def _big(rng) -> list[dict]:
    """Rows shifted by different amounts up to 3000 (a max over the whole batch instead of each row
    underflows the lower rows), and in the second case (T = 4) one row whose logits spread over about
    2900: a row minimum instead of the maximum overflows (2900 / T ≈ 725 > 709), while the log of a
    stable softmax, which the statement allows, stays finite (exp(−725) is a subnormal, not 0)."""
    cases = _inputs(rng)[:2]
    for c in cases:
        shift = np.linspace(3000.0, 0.0, c["s"].shape[0])[:, None]
        c["s"] = c["s"] + shift
        c["t"] = c["t"] + shift
    for key in ("s", "t"):
        cases[1][key][0, 0] += 2900.0
    return cases


def _parts(c, student_T=True):
    T = c["T"]
    log_p = _log_softmax(c["t"] / T)
    log_q = _log_softmax(c["s"] / T if student_T else c["s"])
    return log_p, log_q, np.exp(log_p), np.exp(log_q)


def _loss(c) -> float:
    log_p, log_q, p, _ = _parts(c)
    return float(c["T"] ** 2 * np.sum(p * (log_p - log_q)) / c["s"].shape[0])


def _grad(c):
    _, _, p, q = _parts(c)
    return c["T"] * (q - p) / c["s"].shape[0]


def _run(learner, c) -> dict:
    res = learner.distillation_loss(c["s"], c["t"], c["T"])
    loss, ds = res if isinstance(res, tuple) and len(res) == 2 else (res, None)
    return {"loss": loss, "dstudent": ds}


def _run_loss(learner, c) -> dict:
    return {"loss": _run(learner, c)["loss"]}


def _run_grad(learner, c) -> dict:
    return {"dstudent": _run(learner, c)["dstudent"]}


def _student_no_T(c) -> dict:
    log_p, log_q, p, q = _parts(c, student_T=False)
    N, T = c["s"].shape[0], c["T"]
    return {"loss": float(T * T * np.sum(p * (log_p - log_q)) / N), "dstudent": T * T * (q - p) / N}


def _cross_entropy(c) -> dict:
    log_p, log_q, p, _ = _parts(c)
    return {"loss": float(-(c["T"] ** 2) * np.sum(p * log_q) / c["s"].shape[0])}


def _reverse_kl(c) -> dict:
    log_p, log_q, _, q = _parts(c)
    return {"loss": float(c["T"] ** 2 * np.sum(q * (log_q - log_p)) / c["s"].shape[0])}


LOSS_VARIANTS = (
    Variant(
        "no_T2",
        lambda c: {"loss": _loss(c) / c["T"] ** 2},
        ja="T² が掛かっていません。温度 T で割った softmax の勾配は 1/T² 倍に小さくなるので、損失に T² を掛けて"
        "勾配の大きさを T によらずそろえます: loss = T² · KL。",
        en="the factor T² is missing: softening by T shrinks the gradients by about 1/T², so the loss is multiplied "
        "by T² to keep their size independent of T: loss = T² · KL.",
    ),
    Variant(
        "T_not_squared",
        lambda c: {"loss": _loss(c) / c["T"]},
        ja="T が 1 乗です。掛けるのは T² です。",
        en="the loss is multiplied by T, not T².",
    ),
    Variant(
        "student_without_T",
        lambda c: {"loss": _student_no_T(c)["loss"]},
        ja="温度 T を教師の logits にだけ使っています。生徒の softmax も同じ温度で: q = softmax(student_logits / T)。",
        en="the temperature T is applied to the teacher's logits only: the student's softmax uses the same "
        "temperature, q = softmax(student_logits / T).",
    ),
    Variant(
        "cross_entropy",
        _cross_entropy,
        ja="交差エントロピー −Σ p log q になっています。この問題は KL(p || q) = Σ p (log p − log q) です"
        "（差は教師のエントロピーで、生徒についての勾配は同じです）。",
        en="that is the cross entropy −Σ p log q; this problem asks for KL(p || q) = Σ p (log p − log q) "
        "(they differ by the teacher's entropy, and have the same gradient for the student).",
    ),
    Variant(
        "reverse_kl",
        _reverse_kl,
        ja="KL の向きが逆です（KL(q || p)）。教師の分布 p で重みをつけます: Σ p (log p − log q)。",
        en="the KL runs the other way (KL(q || p)): weight by the teacher's distribution p, Σ p (log p − log q).",
    ),
    Variant(
        "batch_sum",
        lambda c: {"loss": _loss(c) * c["s"].shape[0]},
        ja="バッチで合計しています。バッチ数 N で割って平均にします。",
        en="the loss is summed over the batch: divide by the batch size N to take the mean.",
    ),
)

GRAD_VARIANTS = (
    Variant(
        "grad_no_T",
        lambda c: {"dstudent": _grad(c) / c["T"]},
        ja="勾配の係数 T が抜けています。∂(T² KL)/∂s = T² · (q − p)/N · (1/T) = T (q − p) / N です"
        "（1/T は s / T の微分）。",
        en="the factor T is missing: ∂(T² KL)/∂s = T² · (q − p)/N · (1/T) = T (q − p) / N (the 1/T comes from "
        "differentiating s / T).",
    ),
    Variant(
        "grad_T2",
        lambda c: {"dstudent": _grad(c) * c["T"]},
        ja="勾配が T² (q − p) / N になっています。s / T の微分の 1/T を忘れています: T (q − p) / N。",
        en="the gradient is T² (q − p) / N: the 1/T from differentiating s / T is missing: T (q − p) / N.",
    ),
    Variant(
        "grad_sign",
        lambda c: {"dstudent": -_grad(c)},
        ja="勾配の符号が逆です: T (q − p) / N（q は生徒、p は教師）。",
        en="the gradient has the wrong sign: T (q − p) / N (q is the student's, p the teacher's).",
    ),
    Variant(
        "grad_no_N",
        lambda c: {"dstudent": _grad(c) * c["s"].shape[0]},
        ja="バッチ数 N で割っていません: T (q − p) / N。",
        en="the gradient is not divided by the batch size N: T (q − p) / N.",
    ),
    Variant(
        "grad_student_without_T",
        lambda c: {"dstudent": _student_no_T(c)["dstudent"]},
        ja="生徒の softmax に温度 T を使っていません。q = softmax(student_logits / T) で、勾配は T (q − p) / N です。",
        en="the student's softmax lacks the temperature: q = softmax(student_logits / T), and the gradient is "
        "T (q − p) / N.",
    ),
)


def _stable_expected(c) -> dict:
    return {"loss": _loss(c), "dstudent": _grad(c)}


CHECKS = {
    "loss": Cases(
        inputs=_inputs,
        run=_run_loss,
        expected=lambda c: {"loss": _loss(c)},
        variants=LOSS_VARIANTS,
        rtol=1e-6,
        atol=1e-9,
    ),
    "gradient": Cases(inputs=_inputs, run=_run_grad, expected=lambda c: {"dstudent": _grad(c)}, variants=GRAD_VARIANTS),
    "gradcheck": GradCheck(inputs=_inputs, run=_run_grad, loss=_loss, wrt={"dstudent": "s"}),
    "stable": Cases(inputs=_big, run=_run, expected=_stable_expected),
}
