"""Hidden tests for `word2vec_cbow`: cbow_loss_grad(contexts, target, W_in, W_out) -> (L, dW_in, dW_out).

h = mean_c W_in[contexts[:, c]], s = h @ W_out, L = batch-mean softmax cross-entropy of target.
Every case repeats context ids (inside a row and across rows), so dW_in must add them up. The
`stable` check scales W_out so that scores reach about ±1000 (a softmax without the max shift
overflows); the gradcheck uses the moderate cases only.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

# (N, C, V, H): all different, batch >= 2, C = 2 * window size.
SHAPES = ((3, 2, 7, 4), (5, 4, 9, 3), (4, 2, 6, 5))


def _inputs(rng, big=False) -> list[dict]:
    cases = []
    for n, c, v, h in SHAPES:
        contexts = rng.integers(0, v, size=(n, c))
        contexts[0, 1] = contexts[0, 0]  # a repeat inside a row
        contexts[1, 0] = contexts[0, 0]  # and across rows
        W_out = rng.normal(size=(h, v))
        case = {
            "contexts": contexts,
            "target": rng.integers(0, v, size=n),
            "W_in": rng.normal(size=(v, h)),
            "W_out": W_out,
        }
        if big:
            s = case["W_in"][contexts].mean(axis=1) @ W_out
            case["W_out"] = W_out * (1000.0 / np.max(np.abs(s)))
        cases.append(case)
    return cases


def _cbow(case, *, agg="mean", din="add_at", div_n=True) -> dict:
    """The reference (L, dW_in, dW_out), with one knob per known mistake (defaults: right)."""
    ctx, t, W_in, W_out = case["contexts"], case["target"], case["W_in"], case["W_out"]
    n, c = ctx.shape
    h = W_in[ctx].sum(axis=1) / (c if agg == "mean" else 1)
    s = h @ W_out
    s = s - s.max(axis=1, keepdims=True)
    log_y = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = -np.sum(log_y[np.arange(n), t]) / (n if div_n else 1)
    ds = np.exp(log_y)
    ds[np.arange(n), t] -= 1
    ds = ds / (n if div_n else 1)
    dh = ds @ W_out.T
    per = np.repeat(dh[:, None, :] / (c if agg == "mean" and din != "no_div_c" else 1), c, axis=1)
    dW_in = np.zeros_like(W_in)
    if din == "assign":
        dW_in[ctx] = per
    else:
        np.add.at(dW_in, ctx, per)
    return {"loss": float(loss), "dW_out": h.T @ ds, "dW_in": dW_in}


def _eps_loss(case) -> float:
    """The batch-mean cross-entropy with 1e-7 inside the log, as books 1 and 2 write it."""
    h = case["W_in"][case["contexts"]].mean(axis=1)
    s = h @ case["W_out"]
    y = np.exp(s - s.max(axis=1, keepdims=True))
    y /= y.sum(axis=1, keepdims=True)
    n = len(case["target"])
    return float(-np.sum(np.log(y[np.arange(n), case["target"]] + 1e-7)) / n)


def _run(learner, case) -> dict:
    out = learner.cbow_loss_grad(case["contexts"], case["target"], case["W_in"], case["W_out"])
    loss, dW_in, dW_out = tuple(out) if isinstance(out, (tuple, list)) and len(out) == 3 else (out, None, None)
    return {"loss": loss, "dW_out": dW_out, "dW_in": dW_in}


VARIANTS = (
    Variant(
        "context_sum",
        lambda c: _cbow(c, agg="sum"),
        ja="文脈ベクトルを合計しています。この問題（2 巻の SimpleCBOW と同じ）では平均です: "
        "h = W_in[contexts].mean(axis=1)。逆伝播でも dh を C で割ってから各文脈の行に配ります。",
        en="the context vectors are summed: this problem (like book 2's SimpleCBOW) averages them, "
        "h = W_in[contexts].mean(axis=1); in backward, divide dh by C before handing it to each context row.",
    ),
    Variant(
        "no_div_n",
        lambda c: _cbow(c, div_n=False),
        ja="バッチについて平均していません（N 倍大きい）。L は N で割り、softmax の勾配も (y − t) / N です。",
        en="the batch is not averaged (N times too large): divide L by N, and the softmax gradient is (y − t) / N.",
    ),
    Variant(
        "dW_in_overwrites",
        lambda c: _cbow(c, din="assign"),
        ja="同じ単語 ID が何度も出るとき、dW_in の行に 1 回分しか入っていません。dW_in[contexts] = … や += … は"
        "重複する添字を足さずに上書きします。np.add.at(dW_in, contexts, …) か for ループで足してください。",
        en="a word id that occurs several times got only one occurrence in dW_in: dW_in[contexts] = … and "
        "+= … overwrite repeated indices. Add them with np.add.at(dW_in, contexts, …) or a for loop.",
    ),
    Variant(
        "eps_in_log",
        lambda c: {"loss": _eps_loss(c)},
        ja="損失が log(softmax + 1e-7) で計算されています（1 巻・2 巻の cross_entropy_error の書き方）。この問題の L は "
        "1e-7 を足さない −log softmax(s)[target] の平均です。s − max(s) から log softmax = s − log Σ exp(s) を"
        "直接計算すれば log(0) にはなりません。",
        en="the loss was computed as log(softmax + 1e-7) (the cross_entropy_error of books 1 and 2). This problem's "
        "L is the mean of −log softmax(s)[target] with no 1e-7: compute log softmax = s − log Σ exp(s) directly "
        "from s − max(s), which never takes log(0).",
    ),
    Variant(
        "dW_in_no_div_c",
        lambda c: _cbow(c, din="no_div_c"),
        ja="dW_in が C 倍大きくなっています。h は C 個の平均なので、各文脈ベクトルに届く勾配は dh / C です。",
        en="dW_in is C times too large: h is the mean of C vectors, so each context vector gets dh / C.",
    ),
)

CHECKS = {
    "loss_and_grads": Cases(inputs=_inputs, run=_run, expected=_cbow, variants=VARIANTS),
    "stable": Cases(inputs=lambda rng: _inputs(rng, big=True), run=_run, expected=_cbow, variants=VARIANTS),
    "gradcheck": GradCheck(
        inputs=_inputs,
        run=lambda learner, case: {k: _run(learner, case)[k] for k in ("dW_in", "dW_out")},
        loss=lambda c: _cbow(c)["loss"],
        wrt={"dW_in": "W_in", "dW_out": "W_out"},
    ),
}
