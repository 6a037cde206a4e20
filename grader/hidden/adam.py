"""Hidden tests for `adam` (book 1 `Adam(lr=0.001, beta1=0.9, beta2=0.999)`), dicts updated in place.

Book 1's form, on update t (t counts update calls, from 1):
    lr_t = lr·√(1 − β2^t)/(1 − β1^t);  m += (1 − β1)(g − m);  v += (1 − β2)(g² − v);
    W −= lr_t·m/(√v + 1e-7).
The paper's form lr·m̂/(√v̂ + ε) differs only in how ε is scaled; with |g| ≥ 0.3 that moves params by
less than 5e-7, below ATOL (absolute, rtol 0), so it is accepted, while ε inside the root moves them by
more than 1e-5 in the `update` cases (lr 0.02 and 0.03, β2 = 0.999) and is rejected.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.hidden._optimizers import checks, output_name, wrong

CLASS = "Adam"
DEFAULTS = {"lr": 0.001, "beta1": 0.9, "beta2": 0.999}
EPS = 1e-7
ATOL = 2e-6  # the paper's ε placement moves params by < 5e-7 here; ε inside the root by > 1e-5

# (params shapes, constructor kwargs, number of updates). Every array is non-square, and all cases of a
# check use the same keys and number of updates, so a known wrong variant can be recognised on all cases.
UPDATE = (
    ((("W1", (4, 3)), ("b1", (3,)), ("W2", (3, 2)), ("b2", (2,))), {"lr": 0.02, "beta1": 0.9, "beta2": 0.999}, 4),
    ((("W1", (2, 5)), ("b1", (5,)), ("W2", (5, 3)), ("b2", (3,))), {"lr": 0.03, "beta1": 0.8, "beta2": 0.999}, 4),
)
DEFAULT = (((("W1", (3, 4)), ("b1", (4,)), ("W2", (4, 2)), ("b2", (2,))), {}, 3),)
IN_PLACE = (
    ((("W1", (2, 3)), ("b1", (3,)), ("W2", (3, 4)), ("b2", (4,))), {"lr": 0.01, "beta1": 0.8, "beta2": 0.99}, 3),
)


def _simulate(case, mode="right") -> dict:
    """Reference (and known wrong) Adam runs: params after every update, by output name."""
    hp = {**DEFAULTS, **case["_kwargs"]}
    lr, b1, b2 = hp["lr"], hp["beta1"], hp["beta2"]
    if mode == "betas_swapped":
        b1, b2 = b2, b1
    params = {k: case[k].copy() for k in case["_keys"]}
    m = {k: np.zeros_like(p) for k, p in params.items()}
    v = {k: np.zeros_like(p) for k, p in params.items()}
    t, out = 0, {}
    for step, grads in enumerate(case["_grads"], 1):
        if mode == "no_state":
            m = {k: np.zeros_like(p) for k, p in params.items()}
            v = {k: np.zeros_like(p) for k, p in params.items()}
            t = 0
        if mode != "t_per_key":
            t += 1
        for k in case["_keys"]:
            if mode == "t_per_key":
                t += 1
            g = grads[k]
            m[k] = m[k] + (1 - b1) * (g - m[k])
            v[k] = v[k] + (1 - b2) * ((g if mode == "not_squared" else g * g) - v[k])
            if mode == "no_bias_correction":
                lr_t = lr
            elif mode == "correction_swapped":
                lr_t = lr * np.sqrt(1.0 - b1**t) / (1.0 - b2**t)
            else:
                lr_t = lr * np.sqrt(1.0 - b2**t) / (1.0 - b1**t)
            if mode == "eps_in_sqrt":
                params[k] = params[k] - lr_t * m[k] / np.sqrt(v[k] + EPS)
            elif mode == "no_eps":
                with np.errstate(divide="ignore", invalid="ignore"):
                    params[k] = params[k] - lr_t * m[k] / np.sqrt(v[k])
            else:
                params[k] = params[k] - lr_t * m[k] / (np.sqrt(v[k]) + EPS)
            out[output_name(k, step)] = params[k].copy()
    return out


VARIANTS = (
    Variant(
        "no_bias_correction",
        wrong(_simulate, "no_bias_correction"),
        ja="バイアス補正がありません（lr をそのまま使っています）。1 巻では t 回目の update で "
        "lr_t = lr·√(1 − beta2^t)/(1 − beta1^t) を使います（0 から始めた m と v が小さすぎるのを補正）。",
        en="the bias correction is missing (lr is used as is). Book 1 uses lr_t = lr·√(1 − beta2^t)/(1 − beta1^t) "
        "on update t (m and v start at 0 and are too small at first).",
    ),
    Variant(
        "correction_swapped",
        wrong(_simulate, "correction_swapped"),
        ja="バイアス補正の beta1 と beta2 が逆です: lr_t = lr·√(1 − beta2^t)/(1 − beta1^t)"
        "（平方根の中が beta2、分母が beta1）。",
        en="beta1 and beta2 are swapped in the bias correction: lr_t = lr·√(1 − beta2^t)/(1 − beta1^t) "
        "(beta2 under the root, beta1 in the denominator).",
    ),
    Variant(
        "t_per_key",
        wrong(_simulate, "t_per_key"),
        ja="t（self.iter）をキーごとに増やしています。t は update 1 回につき 1 だけ、キーのループの外で増やします。",
        en="t (self.iter) is incremented once per key. Increment it once per update call, outside the loop "
        "over the keys.",
    ),
    Variant(
        "no_state",
        wrong(_simulate, "no_state"),
        ja="1 回目の update は合っていますが、2 回目から違います。m、v、t を毎回作り直していませんか。"
        "最初の呼び出しで 1 度だけ 0 で作り、self.m、self.v、self.iter に保存して次の呼び出しに持ち越します。",
        en="the first update is right but later ones are not: are m, v and t re-created on every call? "
        "Create them once, as zeros on the first call, and keep them in self.m, self.v and self.iter.",
    ),
    Variant(
        "not_squared",
        wrong(_simulate, "not_squared"),
        ja="v に勾配をそのまま入れています。v は勾配の二乗（要素ごと）の移動平均です: "
        "v += (1 − beta2)·(grad**2 − v)。負の v の平方根で NaN になります。",
        en="v takes in the gradient itself; v is the moving average of the elementwise squared gradient: "
        "v += (1 − beta2)·(grad**2 − v). The square root of a negative v gives NaN.",
    ),
    Variant(
        "betas_swapped",
        wrong(_simulate, "betas_swapped"),
        ja="beta1 と beta2 が逆です。m（勾配の移動平均）は beta1、v（勾配の二乗の移動平均）は beta2 を使います。",
        en="beta1 and beta2 are swapped: m (the moving average of the gradient) uses beta1, v (of the squared "
        "gradient) uses beta2.",
    ),
    Variant(
        "no_eps",
        wrong(_simulate, "no_eps"),
        ja="分母に 1e-7 を足していません。勾配が 0 の要素（使われなかった重みなど）では m も v も 0 なので、"
        "0 / 0 で NaN になります: m / (np.sqrt(v) + 1e-7)。",
        en="nothing is added to the denominator: where a gradient is 0 (a weight that was not used), m and v "
        "are 0 and the update is 0 / 0, NaN. Use m / (np.sqrt(v) + 1e-7).",
    ),
    Variant(
        "eps_in_sqrt",
        wrong(_simulate, "eps_in_sqrt"),
        ja="1e-7 を平方根の中に入れています（np.sqrt(v + 1e-7)）。1 巻では平方根の外で分母に足します: "
        "m / (np.sqrt(v) + 1e-7)。",
        en="the 1e-7 is inside the square root (np.sqrt(v + 1e-7)); book 1 adds it outside, to the "
        "denominator: m / (np.sqrt(v) + 1e-7).",
    ),
)


def _grad(rng, shape):
    """|g| in [0.3, 2], far from 0, so where the tiny ε sits (book 1 or the paper) stays below ATOL; and
    about 15% exact zeros, as a dead unit's or an unused row's gradient is: there m = v = 0, so an update
    without ε divides 0 by 0."""
    g = rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.3, 2.0, size=shape)
    return np.where(rng.random(shape) < 0.15, 0.0, g)


CHECKS = checks(
    CLASS,
    _simulate,
    VARIANTS,
    UPDATE,
    DEFAULT,
    IN_PLACE,
    grad=_grad,
    rtol=0.0,
    atol=ATOL,
)
