"""Hidden tests for `adagrad` (book 1 `AdaGrad(lr=0.01)`), dicts updated in place.

Book 1: h ← h + g⊙g; W ← W − lr·g / (√h + 1e-7), with 1e-7 added OUTSIDE the square root, and h
kept between calls. b2's gradients are ~1e-4 (small=) so that the placement (and the value) of 1e-7
changes the result beyond the tolerance.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.hidden._optimizers import checks, per_key, wrong

CLASS = "AdaGrad"
DEFAULTS = {"lr": 0.01}
EPS = 1e-7

# (params shapes, constructor kwargs, number of updates). Every array is non-square, and all cases of a
# check use the same keys and number of updates, so a known wrong variant can be recognised on all cases.
UPDATE = (
    ((("W1", (4, 3)), ("b1", (3,)), ("W2", (3, 2)), ("b2", (2,))), {"lr": 0.1}, 4),
    ((("W1", (2, 5)), ("b1", (5,)), ("W2", (5, 3)), ("b2", (3,))), {"lr": 0.05}, 4),
)
DEFAULT = (((("W1", (3, 4)), ("b1", (4,)), ("W2", (4, 2)), ("b2", (2,))), {}, 3),)
IN_PLACE = (((("W1", (2, 3)), ("b1", (3,)), ("W2", (3, 4)), ("b2", (4,))), {"lr": 0.1}, 3),)


def _step(state, key, p, g, hp, mode):
    """One reference (or known wrong) update of one parameter; returns the new value."""
    lr = hp["lr"]
    h_old = np.zeros_like(p) if mode == "no_state" else state.get(key, np.zeros_like(p))
    h = h_old + (g if mode == "not_squared" else g * g)
    state[key] = h
    if mode == "h_after":
        h = h_old
    if mode == "eps_1e_8":
        return p - lr * g / (np.sqrt(h) + 1e-8)
    if mode == "eps_in_sqrt":
        return p - lr * g / np.sqrt(h + EPS)
    if mode == "no_sqrt":
        return p - lr * g / (h + EPS)
    return p - lr * g / (np.sqrt(h) + EPS)


_simulate = per_key(_step, DEFAULTS)


VARIANTS = (
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
        "no_sqrt",
        wrong(_simulate, "no_sqrt"),
        ja="平方根が抜けています: grad / (np.sqrt(h) + 1e-7) です（h は勾配の二乗の和なので、その平方根で割ります）。",
        en="the square root is missing: grad / (np.sqrt(h) + 1e-7) (h sums squared gradients, so divide by its "
        "square root).",
    ),
    Variant(
        "not_squared",
        wrong(_simulate, "not_squared"),
        ja="h に勾配をそのまま足しています。足すのは勾配の二乗（要素ごと）です: h += grad * grad。"
        "負の h の平方根で NaN になります。",
        en="h accumulates the gradient itself; it must accumulate the elementwise square: h += grad * grad. "
        "The square root of a negative h gives NaN.",
    ),
    Variant(
        "h_after",
        wrong(_simulate, "h_after"),
        ja="params を更新してから h に足しています。1 巻では先に h += grad * grad とし、その新しい h で割ります"
        "（1 回目は h = 0 のまま割るので、更新が 1e7 倍の大きさになります）。",
        en="params are updated before h is accumulated. Book 1 first does h += grad * grad and divides by the new "
        "h (on the first call the old h is 0, so the step becomes 1e7 times too large).",
    ),
    Variant(
        "no_state",
        wrong(_simulate, "no_state"),
        ja="1 回目の update は合っていますが、2 回目から違います。h を毎回 0 から作り直していませんか。"
        "h は最初の呼び出しで 1 度だけ np.zeros_like で作り、self.h に保存して勾配の二乗を足し続けます。",
        en="the first update is right but later ones are not: is h re-created as zeros on every call? "
        "Create h once, on the first call, with np.zeros_like, keep it in self.h and keep adding squared "
        "gradients to it.",
    ),
)


CHECKS = checks(CLASS, _simulate, VARIANTS, UPDATE, DEFAULT, IN_PLACE, small=("b2",))
