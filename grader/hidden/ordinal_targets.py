"""Hidden tests for `ordinal_targets`: ordinal regression with K − 1 cumulative binary outputs.

Class y in 0..K−1 becomes the targets t_k = 1 if y > k (k = 0..K−2); the predicted class is the number
of sigmoid outputs above 0.5 (logit a > 0; a logit of exactly 0, σ = 0.5, does not count, and the
`predict` cases contain some); OrdinalBCELoss sums the binary cross entropy over k and averages it over
the batch, its backward gives dout·(σ(a) − t)/N. Every batch has a class-0 row (all targets 0) and a
class-(K−1) row (all targets 1). Logits stay within ±6, so any correct formula for log σ is accurate.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._reuse import CALLS
from grader.hidden._reuse import kept_from as _kept_from
from grader.hidden._reuse import snapshot as _snapshot
from grader.hidden._softmax import softmax

SPECS = ((6, 4), (3, 5), (7, 6), (4, 3))  # (N, K): N differs from K − 1


def _labels(rng, n, k):
    y = rng.integers(0, k, size=n)
    y[0], y[1] = 0, k - 1
    return y


def _logits(rng, shape):
    """Logits in ±[0.2, 6] (never near σ = 0.5 by accident), random signs."""
    return rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.2, 6.0, size=shape)


def _inputs(rng) -> list[dict]:
    cases = []
    for n, k in SPECS:
        cases.append(
            {"y": _labels(rng, n, k), "K": k, "a": _logits(rng, (n, k - 1)), "dout": float(rng.uniform(0.5, 2.0))}
        )
    return cases


def _predict_inputs(rng) -> list[dict]:
    cases = []
    for n, k in SPECS:
        a = _logits(rng, (n, k - 1))
        a[0, 0] = 0.0  # σ(0) = 0.5 exactly: not above 0.5
        a[1, -1] = 0.0
        cases.append({"a": a})
    return cases


# ---- reference ----------------------------------------------------------------------------------
def _sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def _targets(y, k, geq=False):
    ks = np.arange(k - 1)
    return ((y[:, None] >= ks) if geq else (y[:, None] > ks)).astype(np.float64)


def _bce(p, t):
    return -(t * np.log(p) + (1.0 - t) * np.log(1.0 - p))


def _loss_value(c, p=None, t=None, over_k=False) -> float:
    p = _sigmoid(c["a"]) if p is None else p
    t = _targets(c["y"], c["K"]) if t is None else t
    per = _bce(p, t).sum(axis=1)
    if over_k:
        per = per / (c["K"] - 1)
    return float(per.mean())


def _grad(c, p=None, t=None, factor=None):
    p = _sigmoid(c["a"]) if p is None else p
    t = _targets(c["y"], c["K"]) if t is None else t
    factor = c["dout"] / c["a"].shape[0] if factor is None else factor
    return (p - t) * factor


# ---- the learner's side -------------------------------------------------------------------------
def _targets_run(learner, c) -> dict:
    return {"t": learner.ordinal_targets(c["y"], c["K"])}


def _predict_run(learner, c) -> dict:
    return {"pred": learner.ordinal_predict(c["a"])}


def _loss_run(learner, c) -> dict:
    layer = learner.OrdinalBCELoss()
    loss = layer.forward(c["a"], c["y"])
    return {"loss": loss, "da": layer.backward(c["dout"])}


def _default_dout_run(learner, c) -> dict:
    layer = learner.OrdinalBCELoss()
    layer.forward(c["a"], c["y"])
    return {"da": layer.backward()}


# ---- known mistakes -----------------------------------------------------------------------------
GEQ = dict(
    ja="目標が 1 つずれています（t_k = 1 を y ≥ k としている）。t_k は「クラスが k より大きいか」なので y > k です。"
    "k = 0..K−2 の K − 1 列で、クラス 0 の目標はすべて 0、クラス K − 1 の目標はすべて 1 になります。",
    en="the targets are off by one (t_k = 1 for y ≥ k): t_k asks whether the class is above k, so it is y > k. "
    "With the K − 1 columns k = 0..K−2, class 0 has all targets 0 and class K − 1 all targets 1.",
)
K_COLUMNS = dict(
    ja="目標が K 列あります。K クラスの順序は K − 1 個のしきい値（k = 0..K−2）で分けるので、目標は (N, K − 1) です"
    "（最後の列 y > K − 1 はいつも 0 で、情報がありません）。",
    en="the targets have K columns. K ordered classes are separated by K − 1 thresholds (k = 0..K−2), so the "
    "targets are (N, K − 1) (a last column y > K − 1 would always be 0 and carry nothing).",
)
SOFTMAX = dict(
    ja="K − 1 個の出力に softmax をとっています。各出力は独立な 2 値分類（「y > k か」）なので、それぞれにシグモイドを"
    "使います。softmax は 1 つだけが正解の多クラス分類のためのもので、累積の目標（複数の 1）には合いません。",
    en="a softmax is taken over the K − 1 outputs. Each output is an independent binary question (is y > k?), so "
    "each gets its own sigmoid; a softmax is for multi-class problems with exactly one right class, not for "
    "cumulative targets with several 1s.",
)
MEAN_K = dict(
    ja="k についても平均しています（K − 1 で割っている）。この問題の損失は k について和をとり、バッチについてだけ平均します。",
    en="the loss is averaged over k as well (divided by K − 1): this problem's loss sums over k and averages over "
    "the batch only.",
)

TARGET_VARIANTS = (
    Variant("geq", lambda c: {"t": _targets(c["y"], c["K"], geq=True)}, **GEQ),
    Variant(
        "k_columns",
        lambda c: {"t": (c["y"][:, None] > np.arange(c["K"])).astype(np.float64)},
        **K_COLUMNS,
    ),
    Variant(
        "one_hot",
        lambda c: {"t": np.eye(c["K"])[c["y"]]},
        ja="one-hot の目標になっています。順序回帰の目標は累積の K − 1 列で、クラス y なら先頭から y 個が 1 です"
        "（t_k = 1 if y > k）。",
        en="these are one-hot targets. Ordinal targets are K − 1 cumulative columns: class y has its first y entries "
        "equal to 1 (t_k = 1 if y > k).",
    ),
)

PREDICT_VARIANTS = (
    Variant(
        "at_least_half",
        lambda c: {"pred": np.sum(c["a"] >= 0.0, axis=1)},
        ja="σ(a) = 0.5 ちょうど（a = 0）の出力も数えています。数えるのは 0.5 を超える出力（a > 0）だけです。",
        en="outputs of exactly σ(a) = 0.5 (a = 0) are counted too: count only the outputs above 0.5 (a > 0).",
    ),
    Variant(
        "logit_threshold",
        lambda c: {"pred": np.sum(c["a"] > 0.5, axis=1)},
        ja="シグモイドをとる前の a を 0.5 と比べています。σ(a) > 0.5 は a > 0 と同じなので、a のまま比べるなら 0 と比べます。",
        en="the logits a are compared with 0.5 before the sigmoid: σ(a) > 0.5 is the same as a > 0, so compare a with 0.",
    ),
    Variant(
        "argmax",
        lambda c: {"pred": np.argmax(c["a"], axis=1)},
        ja="出力の argmax をクラスにしています。累積の出力では、0.5 を超える出力の個数がクラスです。",
        en="the class is taken as the argmax of the outputs: with cumulative outputs, the class is the number of "
        "outputs above 0.5.",
    ),
)


def _softmax_p(c):
    return softmax(c["a"], axis=1)


LOSS_VARIANTS = (
    Variant("softmax", lambda c: {"loss": _loss_value(c, p=_softmax_p(c)), "da": _grad(c, p=_softmax_p(c))}, **SOFTMAX),
    Variant(
        "mean_over_k",
        lambda c: {"loss": _loss_value(c, over_k=True), "da": _grad(c) / (c["K"] - 1)},
        **MEAN_K,
    ),
    Variant(
        "geq",
        lambda c: {
            "loss": _loss_value(c, t=_targets(c["y"], c["K"], geq=True)),
            "da": _grad(c, t=_targets(c["y"], c["K"], geq=True)),
        },
        **GEQ,
    ),
    Variant(
        "no_mean",
        lambda c: {"loss": _loss_value(c) * c["a"].shape[0], "da": _grad(c, factor=c["dout"])},
        ja="バッチの平均（1/N）をとっていません。損失はバッチの平均なので、勾配は dout·(σ(a) − t)/N です。",
        en="the batch mean (1/N) is missing: the loss is the mean over the batch, so the gradient is "
        "dout·(σ(a) − t)/N.",
    ),
    Variant(
        "sign",
        lambda c: {"da": -_grad(c)},
        ja="勾配の符号が逆です。BCE の logit についての勾配は σ(a) − t（出力 − 目標）です。",
        en="the gradient has the wrong sign: the gradient of BCE with respect to the logit is σ(a) − t (output − target).",
    ),
    Variant(
        "no_dout",
        lambda c: {"da": _grad(c, factor=1.0 / c["a"].shape[0])},
        ja="backward で dout を掛けていません。連鎖律で dout·(σ(a) − t)/N を返します。",
        en="backward does not multiply by dout: by the chain rule it returns dout·(σ(a) − t)/N.",
    ),
)


# ---- one object, three calls --------------------------------------------------------------------
REUSE_SPECS = (((5, 4), (5, 4), (2, 4)), ((2, 6), (2, 6), (6, 6)), ((3, 5), (3, 5), (7, 5)))  # (N, K) per call


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for shapes in REUSE_SPECS:
        case: dict = {}
        for k, (n, kk) in zip(CALLS, shapes):
            case[f"x{k}"] = _logits(rng, (n, kk - 1))  # x{k}: the logits (the key _reuse looks at)
            case[f"y{k}"] = _labels(rng, n, kk)
            case[f"dout{k}"] = float(rng.uniform(0.5, 2.0))
        cases.append(case)
    return cases


def _reuse_run(learner, c) -> dict:
    layer = learner.OrdinalBCELoss()
    out = {}
    for k in CALLS:
        out[f"loss{k}"] = layer.forward(c[f"x{k}"], c[f"y{k}"])
        out[f"da{k}"] = _snapshot(layer.backward(c[f"dout{k}"]))
    return out


def _reuse_expected(c, stale=False) -> dict:
    out = {}
    for k, j in zip(CALLS, _kept_from(c)):
        i = j if stale else k
        a, y = c[f"x{k}"], c[f"y{k}"]
        kk = a.shape[1] + 1
        case = {"a": a, "y": y, "K": kk, "dout": c[f"dout{k}"]}
        old = {"a": c[f"x{i}"], "y": c[f"y{i}"], "K": kk, "dout": c[f"dout{k}"]}
        out[f"loss{k}"] = _loss_value(case)
        out[f"da{k}"] = _grad(old)
    return out


REUSE_VARIANTS = (
    Variant(
        "stale_state",
        lambda c: _reuse_expected(c, stale=True),
        ja="backward が前の forward の σ(a) や目標を使っています（最初に保存したものを、形が同じあいだ上書きしていない）。"
        "forward は呼ぶたびに self.p と self.t を上書きします。",
        en="backward uses σ(a) or the targets of an earlier forward (what was saved first is not overwritten while "
        "the shape stays the same): every forward overwrites self.p and self.t.",
    ),
)


def _grad_loss(c) -> float:
    return c["dout"] * _loss_value(c)


CHECKS = {
    "targets": Cases(
        inputs=_inputs,
        run=_targets_run,
        expected=lambda c: {"t": _targets(c["y"], c["K"])},
        variants=TARGET_VARIANTS,
    ),
    "predict": Cases(
        inputs=_predict_inputs,
        run=_predict_run,
        expected=lambda c: {"pred": np.sum(c["a"] > 0.0, axis=1)},
        variants=PREDICT_VARIANTS,
    ),
    "loss": Cases(
        inputs=_inputs,
        run=_loss_run,
        expected=lambda c: {"loss": _loss_value(c), "da": _grad(c)},
        variants=LOSS_VARIANTS,
    ),
    "default_dout": Cases(
        inputs=_inputs,
        run=_default_dout_run,
        expected=lambda c: {"da": _grad(c, factor=1.0 / c["a"].shape[0])},
    ),
    "gradcheck": GradCheck(inputs=_inputs, run=_loss_run, loss=_grad_loss, wrt={"da": "a"}),
    "reuse": Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected, variants=REUSE_VARIANTS),
}
