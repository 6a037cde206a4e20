"""Hidden tests for `weight_decay` (book 1 MultiLayerNet's L2 weight decay), over a dict of params.

Convention (book 1): the loss gets + λ/2 · Σ_W Σ W² over the weights only (keys starting with 'W');
the gradient of each weight gets + λ·W; biases ('b' keys) are not decayed. The gradcheck builds a
data loss L0 = Σ_k Σ tanh(P_k)·C_k with known gradients, hands those to the learner's function and
differentiates L0 + λ/2 Σ_W ΣW² numerically.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")
# every case has the same keys (so a known wrong variant can be recognised on all cases), other shapes
SHAPES = (
    ({"W1": (4, 3), "b1": (3,), "W2": (3, 5), "b2": (5,), "W3": (5, 2), "b3": (2,)}, 0.1),
    ({"W1": (3, 2, 2, 2), "b1": (3,), "W2": (3, 4), "b2": (4,), "W3": (4, 6), "b3": (6,)}, 0.05),
    ({"W1": (2, 7), "b1": (7,), "W2": (7, 3), "b2": (3,), "W3": (3, 4), "b3": (4,)}, 0.3),
)


def _inputs(rng) -> list[dict]:
    cases = []
    for shapes, lam in SHAPES:
        case = {k: rng.normal(size=shapes[k]) for k in KEYS}
        case["_lambda"] = lam
        case["_C"] = {k: rng.normal(size=shapes[k]) for k in KEYS}
        # gradients of the data loss L0 = Σ_k Σ tanh(P_k)·C_k at these params
        case["_grads"] = {k: (1.0 - np.tanh(case[k]) ** 2) * case["_C"][k] for k in KEYS}
        cases.append(case)
    return cases


def _is_weight(key):
    return key.startswith("W")


def _decay(case, keys=None, half=0.5) -> float:
    keys = [k for k in KEYS if _is_weight(k)] if keys is None else keys
    return float(half * case["_lambda"] * sum(np.sum(case[k] ** 2) for k in keys))


def _loss_expected(case) -> dict:
    return {"loss": _decay(case)}


def _grads_with(case, factor=1.0, biases=False) -> dict:
    lam = case["_lambda"]
    return {
        f"grads['{k}']": case["_grads"][k] + (factor * lam * case[k] if _is_weight(k) or biases else 0.0) for k in KEYS
    }


def _params(case) -> dict:
    return {k: case[k] for k in KEYS}


def _run_loss(learner, case) -> dict:
    return {"loss": learner.weight_decay_loss(_params(case), case["_lambda"])}


def _returned(result, key):
    if isinstance(result, dict):
        value = result.get(key)
        return value.copy() if isinstance(value, np.ndarray) else value
    return result  # not a dict: reported as what it is


def _run_grads(learner, case) -> dict:
    result = learner.add_weight_decay({k: v.copy() for k, v in case["_grads"].items()}, _params(case), case["_lambda"])
    return {f"grads['{k}']": _returned(result, k) for k in KEYS}


def _run_gradcheck(learner, case) -> dict:
    result = learner.add_weight_decay({k: v.copy() for k, v in case["_grads"].items()}, _params(case), case["_lambda"])
    return {k: _returned(result, k) for k in KEYS}


def _total_loss(case) -> float:
    data = sum(float(np.sum(np.tanh(case[k]) * case["_C"][k])) for k in KEYS)
    return data + _decay(case)


BIASES = dict(
    ja="バイアスまで減衰させています。1 巻（MultiLayerNet）の荷重減衰は重み W（キーが 'W' で始まるもの）だけに"
    "かけ、バイアス b にはかけません。",
    en="the biases are decayed too. Book 1's weight decay (MultiLayerNet) applies to the weights W only (keys "
    "starting with 'W'), never to the biases b.",
)

LOSS_VARIANTS = (
    Variant(
        "no_half",
        lambda c: {"loss": _decay(c, half=1.0)},
        ja="1/2 が抜けています（λ·ΣW²）。この問題は 1 巻の約束に従い、損失に足すのは λ/2·ΣW² です"
        "（そうすると勾配がちょうど λW になります）。",
        en="the 1/2 is missing (λ·ΣW²). This problem follows book 1's convention: the loss gets λ/2·ΣW² "
        "(so that the gradient is exactly λW).",
    ),
    Variant("biases_too", lambda c: {"loss": _decay(c, keys=list(KEYS))}, **BIASES),
    Variant(
        "norm_not_squared",
        lambda c: {"loss": float(0.5 * c["_lambda"] * sum(np.sqrt(np.sum(c[k] ** 2)) for k in KEYS if _is_weight(k)))},
        ja="ノルムを二乗していません。足すのは二乗ノルム λ/2·‖W‖² = λ/2·np.sum(W**2) です。",
        en="the norm is not squared: add the squared norm λ/2·‖W‖² = λ/2·np.sum(W**2).",
    ),
    Variant(
        "mean",
        lambda c: {"loss": float(0.5 * c["_lambda"] * sum(np.mean(c[k] ** 2) for k in KEYS if _is_weight(k)))},
        ja="要素の平均になっています。二乗の「和」です: np.sum(W**2)。",
        en="this takes the mean over the elements; it is the SUM of squares: np.sum(W**2).",
    ),
)

GRAD_VARIANTS = (
    Variant(
        "twice",
        lambda c: _grads_with(c, factor=2.0),
        ja="2λW を足しています。損失の項は λ/2·ΣW² なので、その W での微分は λW です（1/2 と二乗の 2 が打ち消し合う）。",
        en="this adds 2λW. The loss term is λ/2·ΣW², whose derivative with respect to W is λW (the 1/2 cancels "
        "the 2 from the square).",
    ),
    Variant(
        "half",
        lambda c: _grads_with(c, factor=0.5),
        ja="λ/2·W を足しています。λ/2·ΣW² を W で微分すると λW です。",
        en="this adds λ/2·W; the derivative of λ/2·ΣW² with respect to W is λW.",
    ),
    Variant(
        "minus",
        lambda c: _grads_with(c, factor=-1.0),
        ja="符号が逆です。損失に λ/2·ΣW² を足すので、勾配には +λW を足します（そうすると更新で W が 0 に近づきます）。",
        en="the sign is flipped: the loss gets + λ/2·ΣW², so the gradient gets + λW (then the update pulls W "
        "towards 0).",
    ),
    Variant("biases_too", lambda c: _grads_with(c, biases=True), **BIASES),
)

CHECKS = {
    "loss": Cases(inputs=_inputs, run=_run_loss, expected=_loss_expected, variants=LOSS_VARIANTS),
    "grads": Cases(inputs=_inputs, run=_run_grads, expected=lambda c: _grads_with(c), variants=GRAD_VARIANTS),
    "gradcheck": GradCheck(inputs=_inputs, run=_run_gradcheck, loss=_total_loss, wrt={k: k for k in KEYS}),
}
