"""Hidden tests for `sgd` (book 1 `SGD(lr=0.01)`): update(params, grads) on dicts, in place.

Each case runs one optimizer object for several updates, with a fresh grads dict each step,
and records params after every update. `in_place` checks that the dict still holds the caller's
array objects and that those arrays changed (book 1's layers share them with the network).
"""

from __future__ import annotations

from grader.checks.base import Variant
from grader.hidden._optimizers import checks, output_name, wrong

CLASS = "SGD"
DEFAULTS = {"lr": 0.01}

# (params shapes, constructor kwargs, number of updates). Every array is non-square, and every case of
# a check uses the same keys, so a known wrong variant can be recognised on all cases.
UPDATE = (
    ((("W1", (4, 3)), ("b1", (3,)), ("W2", (3, 2)), ("b2", (2,))), {"lr": 0.1}, 4),
    ((("W1", (2, 5)), ("b1", (5,)), ("W2", (5, 3)), ("b2", (3,))), {"lr": 0.03}, 4),
)
DEFAULT = (((("W1", (3, 4)), ("b1", (4,)), ("W2", (4, 2)), ("b2", (2,))), {}, 3),)
IN_PLACE = (((("W1", (2, 3)), ("b1", (3,)), ("W2", (3, 4)), ("b2", (4,))), {"lr": 0.1}, 3),)


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
            out[output_name(k, step)] = params[k].copy()
    return out


VARIANTS = (
    Variant(
        "plus",
        wrong(_simulate, "plus"),
        ja="符号が逆です。勾配は損失が増える向きなので、その逆へ進みます: params[key] -= self.lr * grads[key]。",
        en="the sign is flipped: the gradient points uphill, so step against it: params[key] -= self.lr * grads[key].",
    ),
    Variant(
        "default_lr",
        wrong(_simulate, "default_lr"),
        ja="コンストラクタに渡された lr ではなく 0.01 を使っています。self.lr を使ってください。",
        en="this uses 0.01, not the lr given to the constructor: use self.lr.",
    ),
)


CHECKS = checks(CLASS, _simulate, VARIANTS, UPDATE, DEFAULT, IN_PLACE)
