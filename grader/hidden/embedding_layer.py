"""Hidden tests for `embedding_layer`: book 2's Embedding(W), forward(idx) = W[idx].

backward(dout) writes dW IN PLACE into self.grads[0]; repeated ids accumulate (np.add.at), and a
second backward call must not keep the first call's gradient. Every case has repeated ids and
at least one unused row.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

# (V, D, N): vocabulary, vector size, number of ids; all different.
SHAPES = ((7, 3, 6), (10, 4, 8), (5, 6, 9))


def _ids(rng, v, n):
    """n ids in [0, v-1) (row v-1 stays unused) with at least one id repeated three times."""
    idx = rng.integers(0, v - 1, size=n)
    idx[:3] = idx[0]
    return rng.permutation(idx)


def _inputs(rng) -> list[dict]:
    cases = []
    for v, d, n in SHAPES:
        cases.append(
            {
                "W": rng.normal(size=(v, d)),
                "idx": _ids(rng, v, n),
                "dout": rng.normal(size=(n, d)),
                "idx2": _ids(rng, v, n + 1),
                "dout2": rng.normal(size=(n + 1, d)),
            }
        )
    return cases


def _dW(W, idx, dout, mode="add_at"):
    dW = np.zeros_like(W)
    if mode == "add_at":
        np.add.at(dW, idx, dout)
    else:  # fancy-index assignment: one of the repeated rows wins
        dW[idx] = dout
    return dW


def _backward(case, mode="add_at", in_place=True) -> dict:
    return {"dW": _dW(case["W"], case["idx"], case["dout"], mode), "grads_in_place": in_place}


def _twice(case, mode="add_at") -> dict:
    first = _dW(case["W"], case["idx"], case["dout"])
    second = _dW(case["W"], case["idx2"], case["dout2"])
    return {"dW_second_call": first + second if mode == "kept" else second}


def _run_forward(learner, case) -> dict:
    return {"out": learner.Embedding(case["W"]).forward(case["idx"])}


def _run(learner, case) -> dict:
    layer = learner.Embedding(case["W"])
    kept = layer.grads[0]
    layer.forward(case["idx"])
    layer.backward(case["dout"])
    grads = getattr(layer, "grads", None) or [None]
    return {"dW": grads[0], "grads_in_place": grads[0] is kept}


def _run_twice(learner, case) -> dict:
    layer = learner.Embedding(case["W"])
    layer.forward(case["idx"])
    layer.backward(case["dout"])
    layer.forward(case["idx2"])
    layer.backward(case["dout2"])
    grads = getattr(layer, "grads", None) or [None]
    return {"dW_second_call": grads[0]}


def _loss(case) -> float:
    return float(np.sum(case["W"][case["idx"]] * case["dout"]))


OVERWRITE = Variant(
    "overwrite",
    lambda c: _backward(c, mode="assign"),
    ja="同じ ID が何度も出るとき、その行の勾配が 1 回分しか入っていません。dW[idx] = dout も dW[idx] += dout も、"
    "重複する添字では足し算されず 1 つの値で上書きされます（+= は「読んで、足して、書く」を一度にするため）。"
    "np.add.at(dW, idx, dout) を使うか、for で 1 行ずつ dW[idx[i]] += dout[i] と足してください。",
    en="an id that occurs several times got the gradient of only one occurrence. Both dW[idx] = dout and "
    "dW[idx] += dout overwrite repeated indices instead of adding (+= reads, adds and writes back once). "
    "Use np.add.at(dW, idx, dout), or add row by row: dW[idx[i]] += dout[i] in a for loop.",
)

VARIANTS = (
    OVERWRITE,
    Variant(
        "grads_rebound",
        lambda c: {"grads_in_place": False},
        ja="勾配の値は合っていますが、self.grads[0] の配列を差し替えています（self.grads[0] = dW）。2 巻では "
        "最適化器やモデルが __init__ で作った同じ配列を持っているので、その配列に書き込んでください: "
        "dW, = self.grads; dW[...] = 0; np.add.at(dW, self.idx, dout)。",
        en="the gradient values are right but the array self.grads[0] was replaced (self.grads[0] = dW). In book 2 "
        "the model and the optimizer hold the array made in __init__, so write into it: "
        "dW, = self.grads; dW[...] = 0; np.add.at(dW, self.idx, dout).",
    ),
)

TWICE_VARIANTS = (
    Variant(
        "not_zeroed",
        lambda c: _twice(c, mode="kept"),
        ja="2 回目の backward の結果に 1 回目の勾配が残っています。np.add.at は足し込むだけなので、先に "
        "dW[...] = 0 でその場で 0 にしてから足してください。",
        en="the second backward call still holds the first call's gradient: np.add.at only adds, so first "
        "clear the array in place with dW[...] = 0.",
    ),
)

CHECKS = {
    "forward": Cases(inputs=_inputs, run=_run_forward, expected=lambda c: {"out": c["W"][c["idx"]]}),
    "backward": Cases(inputs=_inputs, run=_run, expected=_backward, variants=VARIANTS),
    "twice": Cases(inputs=_inputs, run=_run_twice, expected=_twice, variants=TWICE_VARIANTS),
    "gradcheck": GradCheck(
        inputs=_inputs, run=lambda learner, case: {"dW": _run(learner, case)["dW"]}, loss=_loss, wrt={"dW": "W"}
    ),
}


# ---- one object over three training calls ----------------------------------------------------
# As in training, one Embedding sees every mini-batch (N differs from call to call) and the optimizer
# updates W in place between calls (book 2's SGD: params[i] -= lr * grads[i]). After each backward,
# the contents of grads[0] are compared, and grads[0] must still be the array made in __init__.
REUSE_SHAPES = ((7, 3, (6, 9, 4)), (9, 5, (8, 3, 11)))  # (V, D, N of the 3 calls)
REUSE_CALLS = (1, 2, 3)


def _reuse_inputs(rng) -> list[dict]:
    cases = []
    for v, d, ns in REUSE_SHAPES:
        case: dict = {}
        for k, n in zip(REUSE_CALLS, ns):
            case[f"W{k}"] = rng.normal(size=(v, d))  # W's values during call k
            case[f"idx{k}"] = _ids(rng, v, n)
            case[f"dout{k}"] = rng.normal(size=(n, d))
        cases.append(case)
    return cases


def _reuse_outputs(case, mode="add_at", kept=False, in_place=True, written=True) -> dict:
    """Every call's out, grads[0]'s contents and identity. Mistakes: `mode` 'assign' (repeated ids
    overwrite), `kept` (not zeroed: the sum over calls), `in_place` False (grads[0] rebound),
    `written` False (a local array filled, grads[0] left at zero)."""
    want: dict = {}
    total = 0.0
    for k in REUSE_CALLS:
        W = case[f"W{k}"]
        dW = _dW(W, case[f"idx{k}"], case[f"dout{k}"], mode)
        total = total + dW
        want[f"out{k}"] = W[case[f"idx{k}"]]
        want[f"dW{k}"] = (total if kept else dW) if written else np.zeros_like(W)
        want[f"grads_in_place{k}"] = in_place
    return want


def _reuse_run(learner, case) -> dict:
    W = case["W1"].copy()
    layer = learner.Embedding(W)
    grads = getattr(layer, "grads", None) or [None]
    made = grads[0]
    outputs: dict = {}
    for k in REUSE_CALLS:
        W[...] = case[f"W{k}"]  # the optimizer's in-place update between calls
        outputs[f"out{k}"] = layer.forward(case[f"idx{k}"])
        layer.backward(case[f"dout{k}"])
        grads = getattr(layer, "grads", None) or [None]
        value = grads[0]
        outputs[f"dW{k}"] = value.copy() if isinstance(value, np.ndarray) else value
        outputs[f"grads_in_place{k}"] = value is made
    return outputs


REUSE_VARIANTS = (
    Variant("reuse_overwrite", lambda c: _reuse_outputs(c, mode="assign"), ja=OVERWRITE.ja, en=OVERWRITE.en),
    Variant(
        "reuse_not_zeroed", lambda c: _reuse_outputs(c, kept=True), ja=TWICE_VARIANTS[0].ja, en=TWICE_VARIANTS[0].en
    ),
    Variant("reuse_rebound", lambda c: _reuse_outputs(c, in_place=False), ja=VARIANTS[1].ja, en=VARIANTS[1].en),
    Variant(
        "local_rebind",
        lambda c: _reuse_outputs(c, written=False),
        ja="self.grads[0] が 0 のままです。dW, = self.grads のあとで dW = np.zeros_like(W) と書くと、dW は新しい"
        "ローカルの配列を指すだけで self.grads[0] には何も書き込まれません。dW[...] = 0 でその場で 0 にしてから "
        "np.add.at(dW, self.idx, dout) とします。",
        en="self.grads[0] stays at 0. After dW, = self.grads, writing dW = np.zeros_like(W) only binds the local "
        "name to a new array, and nothing reaches self.grads[0]. Clear it in place with dW[...] = 0, then "
        "np.add.at(dW, self.idx, dout).",
    ),
)

CHECKS["reuse"] = Cases(inputs=_reuse_inputs, run=_reuse_run, expected=_reuse_outputs, variants=REUSE_VARIANTS)
