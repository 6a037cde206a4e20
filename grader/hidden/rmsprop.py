"""Hidden tests for `rmsprop` (book 1 `RMSprop(lr=0.01, decay_rate=0.99)`), dicts updated in place.

Book 1: h ← decay_rate·h + (1 − decay_rate)·g⊙g; W ← W − lr·g / (√h + 1e-7), with 1e-7 added
OUTSIDE the square root, and h kept between calls. b2's gradients are ~1e-4 (small=) so that the
placement of 1e-7 changes the result beyond the tolerance.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.hidden._optimizers import checks, per_key, wrong

CLASS = "RMSprop"
DEFAULTS = {"lr": 0.01, "decay_rate": 0.99}
EPS = 1e-7

# (params shapes, constructor kwargs, number of updates). Every array is non-square, and all cases of a
# check use the same keys and number of updates, so a known wrong variant can be recognised on all cases.
UPDATE = (
    ((("W1", (4, 3)), ("b1", (3,)), ("W2", (3, 2)), ("b2", (2,))), {"lr": 0.1, "decay_rate": 0.9}, 4),
    ((("W1", (2, 5)), ("b1", (5,)), ("W2", (5, 3)), ("b2", (3,))), {"lr": 0.05, "decay_rate": 0.8}, 4),
)
DEFAULT = (((("W1", (3, 4)), ("b1", (4,)), ("W2", (4, 2)), ("b2", (2,))), {}, 3),)
IN_PLACE = (((("W1", (2, 3)), ("b1", (3,)), ("W2", (3, 4)), ("b2", (4,))), {"lr": 0.1, "decay_rate": 0.9}, 3),)


def _step(state, key, p, g, hp, mode):
    """One reference (or known wrong) update of one parameter; returns the new value."""
    lr, rho = hp["lr"], hp["decay_rate"]
    h = np.zeros_like(p) if mode == "no_state" else state.get(key, np.zeros_like(p))
    g2 = g if mode == "not_squared" else g * g
    if mode == "swapped":
        h = (1 - rho) * h + rho * g2
    elif mode == "no_decay":
        h = h + g2
    else:
        h = rho * h + (1 - rho) * g2
    state[key] = h
    if mode == "eps_in_sqrt":
        return p - lr * g / np.sqrt(h + EPS)
    if mode == "eps_1e_8":
        return p - lr * g / (np.sqrt(h) + 1e-8)
    return p - lr * g / (np.sqrt(h) + EPS)


_simulate = per_key(_step, DEFAULTS)


VARIANTS = (
    Variant(
        "swapped",
        wrong(_simulate, "swapped"),
        ja="decay_rate と (1 − decay_rate) が逆です。古い h に decay_rate を掛け、新しい勾配の二乗には "
        "(1 − decay_rate) を掛けます: h = decay_rate·h + (1 − decay_rate)·grad²。",
        en="decay_rate and (1 − decay_rate) are swapped: the old h is multiplied by decay_rate and the new "
        "squared gradient by (1 − decay_rate): h = decay_rate·h + (1 − decay_rate)·grad².",
    ),
    Variant(
        "eps_in_sqrt",
        wrong(_simulate, "eps_in_sqrt"),
        ja="1e-7 を平方根の中に入れています（np.sqrt(h + 1e-7)）。1 巻では平方根の外で、分母に足します: "
        "grad / (np.sqrt(h) + 1e-7)。勾配が小さい要素で差がはっきり出ます。",
        en="the 1e-7 is inside the square root (np.sqrt(h + 1e-7)). Book 1 adds it outside, to the "
        "denominator: grad / (np.sqrt(h) + 1e-7). It shows where the gradients are small.",
    ),
    Variant(
        "eps_1e_8",
        wrong(_simulate, "eps_1e_8"),
        ja="分母に足す定数が 1e-8 になっています。この問題は 1 巻と同じ 1e-7 です: grad / (np.sqrt(h) + 1e-7)。",
        en="the constant added to the denominator is 1e-8; this problem uses book 1's 1e-7: "
        "grad / (np.sqrt(h) + 1e-7).",
    ),
    Variant(
        "no_decay",
        wrong(_simulate, "no_decay"),
        ja="AdaGrad と同じ h += grad² になっています。RMSprop は古い勾配を少しずつ忘れる指数移動平均です: "
        "h = decay_rate·h + (1 − decay_rate)·grad²。",
        en="this is AdaGrad's h += grad². RMSprop forgets old gradients with a moving average: "
        "h = decay_rate·h + (1 − decay_rate)·grad².",
    ),
    Variant(
        "not_squared",
        wrong(_simulate, "not_squared"),
        ja="h に勾配をそのまま入れています。入れるのは勾配の二乗（要素ごと）です: (1 − decay_rate)·grad * grad。"
        "負の h の平方根で NaN になります。",
        en="h takes in the gradient itself; it must take the elementwise square: (1 − decay_rate)·grad * grad. "
        "The square root of a negative h gives NaN.",
    ),
    Variant(
        "no_state",
        wrong(_simulate, "no_state"),
        ja="1 回目の update は合っていますが、2 回目から違います。h を毎回 0 から作り直していませんか。"
        "h は最初の呼び出しで 1 度だけ np.zeros_like で作り、self.h に保存して次の呼び出しに持ち越します。",
        en="the first update is right but later ones are not: is h re-created as zeros on every call? "
        "Create h once, on the first call, with np.zeros_like, keep it in self.h and carry it over.",
    ),
)


CHECKS = checks(CLASS, _simulate, VARIANTS, UPDATE, DEFAULT, IN_PLACE, small=("b2",))
