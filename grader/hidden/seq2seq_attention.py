"""Hidden tests for `seq2seq_attention` (book 2, chapter 8): WeightSum, AttentionWeight and Attention.

Scores are the unscaled dot products hs[n, t] · h[n]; the softmax runs over the time axis after
subtracting the row maximum (one case has scores near 1000, where exp without it overflows). N, T
and H differ in every case, so a sum over the wrong axis shows in the shapes or the values.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

# (N, T, H)
SHAPES = ((2, 5, 3), (3, 4, 6), (4, 7, 2))
BIG = (3, 4, 5)  # a case whose scores reach about 1000


def _case(rng, n, t, hdim, big=False):
    hs = rng.normal(size=(n, t, hdim))
    h = rng.normal(size=(n, hdim))
    if big:
        hs, h = hs * 15.0, h * 15.0
    a = rng.uniform(0.1, 1.0, size=(n, t))
    return {
        "hs": hs,
        "h": h,
        "a": a / a.sum(axis=1, keepdims=True),
        "dc": rng.normal(size=(n, hdim)),
        "da": rng.normal(size=(n, t)),
    }


def _inputs(rng) -> list[dict]:
    return [_case(rng, *s) for s in SHAPES] + [_case(rng, *BIG, big=True)]


def _grad_inputs(rng) -> list[dict]:
    return [_case(rng, *s) for s in SHAPES]


# ---- reference -------------------------------------------------------------------------------
def _softmax(s, axis=1):
    e = np.exp(s - s.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _weights(hs, h, scale=1.0, axis=1):
    return _softmax(np.einsum("nth,nh->nt", hs, h) / scale, axis)


def _weight_sum(hs, a):
    return np.einsum("nt,nth->nh", a, hs)


def _ws_backward(hs, a, dc):
    return np.einsum("nh,nt->nth", dc, a), np.einsum("nh,nth->nt", dc, hs)


def _aw_backward(hs, h, da, sum_term=True):
    a = _weights(hs, h)
    ds = a * (da - (np.sum(a * da, axis=1, keepdims=True) if sum_term else 0.0))
    return np.einsum("nt,nh->nth", ds, h), np.einsum("nt,nth->nh", ds, hs)


def _attention(case, paths="both", sum_term=True):
    hs, h, dc = case["hs"], case["h"], case["dc"]
    a = _weights(hs, h)
    dhs0, da = _ws_backward(hs, a, dc)
    dhs1, dh = _aw_backward(hs, h, da, sum_term)
    dhs = {"both": dhs0 + dhs1, "weight_sum": dhs0, "attention_weight": dhs1}[paths]
    return {"c": _weight_sum(hs, a), "a": a, "dhs": dhs, "dh": dh}


# ---- learner runs ----------------------------------------------------------------------------
def _pair(value):
    return tuple(value) if isinstance(value, (tuple, list)) and len(value) == 2 else (None, None)


def _run_weight_sum(learner, case) -> dict:
    layer = learner.WeightSum()
    c = layer.forward(case["hs"], case["a"])
    dhs, da = _pair(layer.backward(case["dc"]))
    return {"c": c, "dhs": dhs, "da": da}


def _run_attention_weight(learner, case) -> dict:
    layer = learner.AttentionWeight()
    a = layer.forward(case["hs"], case["h"])
    a = a.copy() if isinstance(a, np.ndarray) else a
    dhs, dh = _pair(layer.backward(case["da"]))
    return {"a": a, "dhs": dhs, "dh": dh}


def _run_attention(learner, case) -> dict:
    layer = learner.Attention()
    c = layer.forward(case["hs"], case["h"])
    a = layer.attention_weight
    a = a.copy() if isinstance(a, np.ndarray) else a
    dhs, dh = _pair(layer.backward(case["dc"]))
    return {"c": c, "a": a, "dhs": dhs, "dh": dh}


def _run_grad(learner, case) -> dict:
    r = _run_attention(learner, case)
    return {"dhs": r["dhs"], "dh": r["dh"]}


def _loss(case) -> float:
    return float(np.sum(_weight_sum(case["hs"], _weights(case["hs"], case["h"])) * case["dc"]))


def _run_weight_sum_grad(learner, case) -> dict:
    r = _run_weight_sum(learner, case)
    return {"dhs": r["dhs"], "da": r["da"]}


def _run_attention_weight_grad(learner, case) -> dict:
    r = _run_attention_weight(learner, case)
    return {"dhs": r["dhs"], "dh": r["dh"]}


def _weight_sum_loss(case) -> float:
    return float(np.sum(_weight_sum(case["hs"], case["a"]) * case["dc"]))


def _attention_weight_loss(case) -> float:
    return float(np.sum(_weights(case["hs"], case["h"]) * case["da"]))


def _weight_sum_expected(case) -> dict:
    dhs, da = _ws_backward(case["hs"], case["a"], case["dc"])
    return {"c": _weight_sum(case["hs"], case["a"]), "dhs": dhs, "da": da}


def _attention_weight_expected(case) -> dict:
    dhs, dh = _aw_backward(case["hs"], case["h"], case["da"])
    return {"a": _weights(case["hs"], case["h"]), "dhs": dhs, "dh": dh}


# ---- known wrong answers ---------------------------------------------------------------------
WEIGHT_SUM_VARIANTS = (
    Variant(
        "mean_over_time",
        lambda c: {"c": _weight_sum(c["hs"], c["a"]) / c["hs"].shape[1]},
        ja="時刻について平均しています（T で割っている）。重み a の和がすでに 1 なので、重み付きの和 np.sum(hs * a[:, :, None], "
        "axis=1) がそのまま加重平均です。",
        en="this averages over time (divides by T); the weights a already sum to 1, so the weighted sum np.sum(hs * "
        "a[:, :, None], axis=1) is itself the weighted average.",
    ),
    Variant(
        "dhs_no_weight",
        lambda c: {"dhs": np.repeat(c["dc"][:, None, :], c["hs"].shape[1], axis=1)},
        ja="dhs に重み a が掛かっていません。c = Σ_t a_t hs_t なので ∂c/∂hs_t = a_t で、dhs = dc[:, None, :] * a[:, :, None] です。",
        en="dhs lacks the weights a: c = Σ_t a_t hs_t, so ∂c/∂hs_t = a_t and dhs = dc[:, None, :] * a[:, :, None].",
    ),
    Variant(
        "da_mean",
        lambda c: {"da": _ws_backward(c["hs"], c["a"], c["dc"])[1] / c["hs"].shape[2]},
        ja="da を H の軸で平均しています。∂c/∂a_t = hs_t なので、da_t = Σ_h dc_h hs_{t,h}（和）です。",
        en="da is averaged over the H axis: ∂c/∂a_t = hs_t, so da_t = Σ_h dc_h hs_{t,h} (a sum).",
    ),
)

ATTENTION_WEIGHT_VARIANTS = (
    Variant(
        "scaled",
        lambda c: {"a": _weights(c["hs"], c["h"], scale=np.sqrt(c["hs"].shape[2]))},
        ja="スコアを √H で割っています（Transformer の Scaled Dot-Product の形）。2 巻のアテンションは内積をそのままスコアにします。",
        en="the scores are divided by √H (the Transformer's scaled dot product); book 2's attention uses the plain dot product.",
    ),
    Variant(
        "softmax_batch_axis",
        lambda c: {"a": _weights(c["hs"], c["h"], axis=0)},
        ja="softmax をバッチの軸（axis=0）でとっています。重みはサンプルごとに時刻の上で和が 1 なので、axis=1 でとります。",
        en="the softmax runs over the batch axis (axis=0); each sample's weights sum to 1 over time, so take it over axis=1.",
    ),
    Variant(
        "softmax_no_sum_term",
        lambda c: dict(zip(("dhs", "dh"), _aw_backward(c["hs"], c["h"], c["da"], sum_term=False))),
        ja="softmax の逆伝播で、和の項が抜けています（ds = a * da）。softmax の微分は ds = a * (da − Σ_t a_t da_t) です"
        "（Σ は時刻の軸、keepdims=True）。",
        en="the softmax's backward lacks the sum term (ds = a * da): its derivative gives ds = a * (da − Σ_t a_t da_t) "
        "(Σ over the time axis, keepdims=True).",
    ),
)

ATTENTION_VARIANTS = (
    Variant(
        "weight_sum_path_only",
        lambda c: {"dhs": _attention(c, paths="weight_sum")["dhs"]},
        ja="dhs が WeightSum からの勾配だけです。hs はスコアの計算（AttentionWeight）にも使われるので、2 つのレイヤの dhs を足します。",
        en="dhs holds only WeightSum's gradient; hs also enters the scores (AttentionWeight), so add both layers' dhs.",
    ),
    Variant(
        "attention_weight_path_only",
        lambda c: {"dhs": _attention(c, paths="attention_weight")["dhs"]},
        ja="dhs が AttentionWeight からの勾配だけです。hs は重み付きの和（WeightSum）にも使われるので、2 つのレイヤの dhs を足します。",
        en="dhs holds only AttentionWeight's gradient; hs also enters the weighted sum (WeightSum), so add both layers' dhs.",
    ),
    Variant(
        "softmax_no_sum_term",
        lambda c: {k: v for k, v in _attention(c, sum_term=False).items() if k in ("dhs", "dh")},
        ja="softmax の逆伝播で、和の項が抜けています（ds = a * da）。ds = a * (da − Σ_t a_t da_t) です。",
        en="the softmax's backward lacks the sum term (ds = a * da): ds = a * (da − Σ_t a_t da_t).",
    ),
)

CHECKS = {
    "weight_sum": Cases(
        inputs=_inputs, run=_run_weight_sum, expected=_weight_sum_expected, variants=WEIGHT_SUM_VARIANTS
    ),
    "attention_weight": Cases(
        inputs=_inputs,
        run=_run_attention_weight,
        expected=_attention_weight_expected,
        variants=ATTENTION_WEIGHT_VARIANTS,
    ),
    "attention": Cases(inputs=_inputs, run=_run_attention, expected=_attention, variants=ATTENTION_VARIANTS),
    "gradcheck": GradCheck(inputs=_grad_inputs, run=_run_grad, loss=_loss, wrt={"dhs": "hs", "dh": "h"}),
    "gradcheck_weight_sum": GradCheck(
        inputs=_grad_inputs,
        run=_run_weight_sum_grad,
        loss=_weight_sum_loss,
        wrt={"dhs": "hs", "da": "a"},
    ),
    "gradcheck_attention_weight": GradCheck(
        inputs=_grad_inputs,
        run=_run_attention_weight_grad,
        loss=_attention_weight_loss,
        wrt={"dhs": "hs", "dh": "h"},
    ),
}


# ---- one Attention object, three calls with different shapes (as a decoder uses it) -----------
REUSE = (((2, 5, 3), (4, 3, 3), (5, 6, 3)), ((3, 4, 2), (4, 7, 2), (5, 4, 2)))  # h (N, H) never square


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for shapes in REUSE:
        case: dict = {}
        for k, shape in enumerate(shapes, start=1):
            one = _case(rng, *shape)
            case.update({f"hs{k}": one["hs"], f"h{k}": one["h"], f"dc{k}": one["dc"]})
        cases.append(case)
    return cases


def _reuse_run(learner, case) -> dict:
    layer = learner.Attention()
    result = {}
    for k in (1, 2, 3):
        c = layer.forward(case[f"hs{k}"], case[f"h{k}"])
        result[f"c{k}"] = c.copy() if isinstance(c, np.ndarray) else c
        result[f"dhs{k}"], result[f"dh{k}"] = _pair(layer.backward(case[f"dc{k}"]))
    return result


def _reuse_expected(case) -> dict:
    result = {}
    for k in (1, 2, 3):
        r = _attention({"hs": case[f"hs{k}"], "h": case[f"h{k}"], "dc": case[f"dc{k}"]})
        result[f"c{k}"], result[f"dhs{k}"], result[f"dh{k}"] = r["c"], r["dhs"], r["dh"]
    return result


CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_expected)
