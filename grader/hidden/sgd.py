"""Hidden tests for `sgd` (book 1 `SGD(lr=0.01)`): update(params, grads) on dicts, in place.

Each case runs one optimizer object for several updates, with a fresh grads dict each step,
and records params after every update. `in_place` checks that the dict still holds the caller's
array objects and that those arrays changed (book 1's layers share them with the network).
"""
from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

CLASS = "SGD"
DEFAULTS = {"lr": 0.01}

# (params shapes, constructor kwargs, number of updates). Every array is non-square, and every case of
# a check uses the same keys, so a known wrong variant can be recognised on all cases.
UPDATE = (((("W1", (4, 3)), ("b1", (3,)), ("W2", (3, 2)), ("b2", (2,))), {"lr": 0.1}, 4),
          ((("W1", (2, 5)), ("b1", (5,)), ("W2", (5, 3)), ("b2", (3,))), {"lr": 0.03}, 4))
DEFAULT = (((("W1", (3, 4)), ("b1", (4,)), ("W2", (4, 2)), ("b2", (2,))), {}, 3),)
IN_PLACE = (((("W1", (2, 3)), ("b1", (3,)), ("W2", (3, 4)), ("b2", (4,))), {"lr": 0.1}, 3),)

def _make(rng, spec) -> list[dict]:
    cases = []
    for shapes, kwargs, steps in spec:
        case = {key: rng.normal(size=shape) for key, shape in shapes}
        case["_keys"] = [key for key, _ in shapes]
        case["_kwargs"] = dict(kwargs)
        case["_grads"] = [{key: rng.normal(size=shape) for key, shape in shapes} for _ in range(steps)]
        cases.append(case)
    return cases


def _name(key, step):
    return f"params['{key}'] after update {step}"


def _simulate(case, mode="right") -> dict:
    """Reference (and known wrong) SGD runs: params after every update, by output name."""
    hp = {**DEFAULTS, **case["_kwargs"]}
    lr = DEFAULTS["lr"] if mode == "default_lr" else hp["lr"]
    params = {k: case[k].copy() for k in case["_keys"]}
    out = {}
    for step, grads in enumerate(case["_grads"], 1):
        for k in case["_keys"]:
            if mode == "plus":
                params[k] = params[k] + lr * grads[k]
            else:
                params[k] = params[k] - lr * grads[k]
            out[_name(k, step)] = params[k].copy()
    return out


def _snapshot(value):
    return value.copy() if isinstance(value, np.ndarray) else value


def _run(learner, case) -> dict:
    params = {k: case[k] for k in case["_keys"]}
    opt = getattr(learner, CLASS)(**case["_kwargs"])
    out = {}
    for step, grads in enumerate(case["_grads"], 1):
        opt.update(params, {k: v.copy() for k, v in grads.items()})
        for k in case["_keys"]:
            out[_name(k, step)] = _snapshot(params.get(k))
    return out


def _run_in_place(learner, case) -> dict:
    originals = {k: case[k] for k in case["_keys"]}
    params = dict(originals)
    opt = getattr(learner, CLASS)(**case["_kwargs"])
    ok = True
    for grads in case["_grads"]:
        before = {k: v.copy() for k, v in originals.items()}
        opt.update(params, {k: v.copy() for k, v in grads.items()})
        for k in case["_keys"]:
            if params.get(k) is not originals[k] or np.array_equal(originals[k], before[k]):
                ok = False
    return {"in_place": ok}


def _wrong(mode):
    def expected(case):
        with np.errstate(all="ignore"):
            return _simulate(case, mode)
    return expected


VARIANTS = (
    Variant("plus", _wrong("plus"),
            ja="符号が逆です。勾配は損失が増える向きなので、その逆へ進みます: params[key] -= self.lr * grads[key]。",
            en="the sign is flipped: the gradient points uphill, so step against it: "
               "params[key] -= self.lr * grads[key]."),
    Variant("default_lr", _wrong("default_lr"),
            ja="コンストラクタに渡された lr ではなく 0.01 を使っています。self.lr を使ってください。",
            en="this uses 0.01, not the lr given to the constructor: use self.lr."),
)

IN_PLACE_MSG = Variant(
    "rebound", lambda c: {"in_place": False},
    ja="呼び出し側の配列が更新されていません。params[key] = params[key] - ... は新しい配列を作って辞書の中身を"
       "差し替えるだけで、元の配列（1 巻のネットワークではレイヤが同じ配列を共有しています）は変わりません。"
       "params[key] -= ... のようにその場で（in place）更新してください。",
    en="the caller's arrays were not updated: params[key] = params[key] - ... makes a new array and only "
       "rebinds the dict entry, so the original array (which book 1's layers share with the network) stays "
       "the same. Update in place: params[key] -= ...")

CHECKS = {
    "update": Cases(inputs=lambda rng: _make(rng, UPDATE), run=_run, expected=_simulate, variants=VARIANTS),
    "defaults": Cases(inputs=lambda rng: _make(rng, DEFAULT), run=_run, expected=_simulate, variants=VARIANTS),
    "in_place": Cases(inputs=lambda rng: _make(rng, IN_PLACE), run=_run_in_place,
                      expected=lambda c: {"in_place": True}, variants=(IN_PLACE_MSG,)),
}
