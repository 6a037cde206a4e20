"""Hidden tests for `nesterov` (book 1 `Nesterov(lr=0.01, momentum=0.9)`), dicts updated in place.

Book 1's form (the one this problem follows): W ← W + μ²·v − (1 + μ)·lr·g with the OLD v, then
v ← μ·v − lr·g. Book 2 updates v first and uses the new v in the params update: different numbers
from the first update on, diagnosed as the book-2 form. v_new = μv − lr·g; W ← W + μ·v_new − lr·g
is algebraically book 1's form and is accepted (only params are compared).
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.hidden._optimizers import checks, per_key, wrong

CLASS = "Nesterov"
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
    if mode == "book2":  # book 2: v first, then params with the NEW v
        v = mu * v - lr * g
        state[key] = v
        return p + mu * mu * v - (1 + mu) * lr * g
    if mode == "plain_momentum":
        v = mu * v - lr * g
        state[key] = v
        return p + v
    sign = -1.0 if mode == "minus_mu2" else 1.0
    new_p = p + sign * mu * mu * v - (1 + mu) * lr * g  # book 1: params first, with the OLD v
    state[key] = mu * v - lr * g
    return new_p


_simulate = per_key(_step, DEFAULTS)


VARIANTS = (
    Variant(
        "book2",
        wrong(_simulate, "book2"),
        ja="v を先に更新し、その新しい v に momentum² を掛けて params を更新しています（1 巻・2 巻のリポジトリの "
        "common/optimizer.py の順で、book-2 form と診断します）。この問題は Bengio ら（2013）と PyTorch の "
        "nesterov=True の形です: まず古い v で W ← W + momentum²·v − (1 + momentum)·lr·grad、"
        "そのあとで v ← momentum·v − lr·grad。2 つは値が変わります。",
        en="v is updated first and params use momentum² times the new v (the order of common/optimizer.py in the "
        "repositories of books 1 and 2; diagnosed as the book-2 form). This problem follows Bengio et al. (2013) "
        "and PyTorch's nesterov=True: first W ← W + momentum²·v − (1 + momentum)·lr·grad with the OLD v, then "
        "v ← momentum·v − lr·grad. The two give different numbers.",
    ),
    Variant(
        "no_state",
        wrong(_simulate, "no_state"),
        ja="1 回目の update は合っていますが、2 回目から違います。v を毎回 0 から作り直していませんか。"
        "v は最初の呼び出しで 1 度だけ np.zeros_like で作り、self.v に保存して次の呼び出しに持ち越します。",
        en="the first update is right but later ones are not: is v re-created as zeros on every call? "
        "Create v once, on the first call, with np.zeros_like, keep it in self.v and carry it over.",
    ),
    Variant(
        "plain_momentum",
        wrong(_simulate, "plain_momentum"),
        ja="ふつうの Momentum（v ← momentum·v − lr·grad、W ← W + v）になっています。Nesterov は "
        "W ← W + momentum²·v − (1 + momentum)·lr·grad（古い v）のあとで v を更新します。",
        en="this is plain Momentum (v ← momentum·v − lr·grad, W ← W + v). Nesterov does "
        "W ← W + momentum²·v − (1 + momentum)·lr·grad (with the old v), then updates v.",
    ),
    Variant(
        "minus_mu2",
        wrong(_simulate, "minus_mu2"),
        ja="momentum²·v の項の符号が逆です: W ← W + momentum²·v − (1 + momentum)·lr·grad。",
        en="the sign of the momentum²·v term is flipped: W ← W + momentum²·v − (1 + momentum)·lr·grad.",
    ),
)


CHECKS = checks(CLASS, _simulate, VARIANTS, UPDATE, DEFAULT, IN_PLACE)
