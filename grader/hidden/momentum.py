"""Hidden tests for `momentum` (book 1 `Momentum(lr=0.01, momentum=0.9)`), dicts updated in place.

Book 1: v ← momentum·v − lr·g; W ← W + v, with v a dict of zeros on the first call, kept between
calls. v = momentum·v + g; W ← W − lr·v gives the same params (v is −v/lr of book 1's), and is
accepted: only params are compared. Each case runs one object for several updates.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.hidden._optimizers import checks, per_key, wrong

CLASS = "Momentum"
DEFAULTS = {"lr": 0.01, "momentum": 0.9}

# (params shapes, constructor kwargs, number of updates). Every array is non-square, and all cases of a
# check use the same keys and number of updates, so a known wrong variant can be recognised on all cases.
UPDATE = (
    ((("W1", (4, 3)), ("b1", (3,)), ("W2", (3, 2)), ("b2", (2,))), {"lr": 0.1, "momentum": 0.8}, 4),
    ((("W1", (2, 5)), ("b1", (5,)), ("W2", (5, 3)), ("b2", (3,))), {"lr": 0.05, "momentum": 0.7}, 4),
)
DEFAULT = (((("W1", (3, 4)), ("b1", (4,)), ("W2", (4, 2)), ("b2", (2,))), {}, 3),)
IN_PLACE = (((("W1", (2, 3)), ("b1", (3,)), ("W2", (3, 4)), ("b2", (4,))), {"lr": 0.1, "momentum": 0.8}, 3),)


def _step(state, key, p, g, hp, mode):
    """One reference (or known wrong) update of one parameter; returns the new value."""
    lr, mu = hp["lr"], hp["momentum"]
    v = state.get(key, np.zeros_like(p))
    if mode == "no_state":
        v = np.zeros_like(p)
    if mode == "ema":
        v = mu * v + (1 - mu) * g
        state[key] = v
        return p - lr * v
    v = mu * v - lr * g
    state[key] = v
    return p - v if mode == "minus_v" else p + v


_simulate = per_key(_step, DEFAULTS)


VARIANTS = (
    Variant(
        "no_state",
        wrong(_simulate, "no_state"),
        ja="1 回目の update は合っていますが、2 回目から違います。v を毎回 0 から作り直していませんか"
        "（それでは SGD と同じです）。v は最初の呼び出しで 1 度だけ np.zeros_like で作り（self.v が None の"
        "とき）、self.v に保存して次の呼び出しに持ち越します。",
        en="the first update is right but later ones are not: is v re-created as zeros on every call (that is "
        "plain SGD)? Create v once, on the first call (when self.v is None), with np.zeros_like, keep it "
        "in self.v and carry it over to the next call.",
    ),
    Variant(
        "minus_v",
        wrong(_simulate, "minus_v"),
        ja="符号が逆です。v = momentum·v − lr·grad なら、更新は W ← W + v です（W − v ではありません）。",
        en="the sign is flipped: with v = momentum·v − lr·grad the update is W ← W + v, not W − v.",
    ),
    Variant(
        "ema",
        wrong(_simulate, "ema"),
        ja="v = momentum·v + (1 − momentum)·grad の指数移動平均の形です。1 巻の Momentum は "
        "v ← momentum·v − lr·grad、W ← W + v です（(1 − momentum) は掛けません）。",
        en="this is the moving-average form v = momentum·v + (1 − momentum)·grad. Book 1's Momentum is "
        "v ← momentum·v − lr·grad, W ← W + v (no (1 − momentum) factor).",
    ),
)


CHECKS = checks(CLASS, _simulate, VARIANTS, UPDATE, DEFAULT, IN_PLACE)
