"""Hidden tests for `rnn_delta`: the hidden-layer δ recursion of the Rabbit Challenge Day 3 RNN.

u[:, t+1] = X_t @ W_in + z[:, t] @ W, z[:, t+1] = sigmoid(u[:, t+1]), output pre-activation
v[:, t] = z[:, t+1] @ W_out. With delta_out[:, t] = ∂L/∂v[:, t] given, the learner returns
delta (N, T+1, H) with delta[:, t] = ∂L/∂u[:, t+1] and delta[:, T] = 0.

The gradcheck's truth: L = Σ_t Σ v[:, t] * delta_out[:, t] (delta_out held constant) has exactly
∂L/∂v[:, t] = delta_out[:, t]. Its input drive xin[:, t] (= X_t @ W_in, shape (N, T+1, H) with an
unused zero slot at T) enters u[:, t+1] additively, so ∂L/∂xin[:, t] = ∂L/∂u[:, t+1] = delta[:, t],
and the unused slot's gradient is 0 = delta[:, T].
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck

# (N, T, H, O): batch >= 2, T >= 4, H != O; the last case has O = 1 like the binary-addition net.
SHAPES = ((3, 5, 4, 2), (2, 6, 5, 3), (4, 7, 3, 1))


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _d_sigmoid(x):
    s = _sigmoid(x)
    return s * (1 - s)


def _hidden_u(xin, W):
    """u (N, T+1, H): u[:, 0] = 0, u[:, t+1] = xin[:, t] + z[:, t] @ W with z[:, 0] = 0."""
    n, t1, h = xin.shape
    u = np.zeros((n, t1, h))
    z = np.zeros((n, h))
    for t in range(t1 - 1):
        u[:, t + 1] = xin[:, t] + z @ W
        z = _sigmoid(u[:, t + 1])
    return u


def _inputs(rng) -> list[dict]:
    cases = []
    for n, t, h, o in SHAPES:
        xin = np.zeros((n, t + 1, h))
        xin[:, :t] = rng.normal(size=(n, t, h))
        W = rng.normal(scale=0.8, size=(h, h))
        cases.append(
            {
                "u": _hidden_u(xin, W),
                "delta_out": rng.normal(scale=0.5, size=(n, t, o)),
                "W": W,
                "W_out": rng.normal(size=(h, o)),
                "_xin": xin,
            }
        )
    return cases


def _loss(case) -> float:
    """L = Σ_t Σ (z[:, t+1] @ W_out) * delta_out[:, t], recomputed from the input drive."""
    u = _hidden_u(case["_xin"], case["W"])
    v = _sigmoid(u[:, 1:]) @ case["W_out"]
    return float(np.sum(v * case["delta_out"]))


def _delta(case, *, dact=None, recurrent=True, W_T=True, shift=1) -> dict:
    """The recursion with one knob per known mistake (defaults give the right delta)."""
    u, dout, W, W_out = case["u"], case["delta_out"], case["W"], case["W_out"]
    n, t_len, _ = dout.shape
    dact = dact or _d_sigmoid
    delta = np.zeros((n, t_len + 1, W.shape[0]))
    for t in reversed(range(t_len)):
        back = delta[:, t + 1] @ (W.T if W_T else W) if recurrent else 0
        delta[:, t] = (back + dout[:, t] @ W_out.T) * dact(u[:, t + shift])
    return {"delta": delta}


VARIANTS = (
    Variant(
        "d_sigmoid_of_activated",
        lambda c: _delta(c, dact=lambda x: _d_sigmoid(_sigmoid(x))),
        ja="d_sigmoid を活性化後の値 z = sigmoid(u) に適用しています（sigmoid を 2 回かけたことに"
        "なります）。d_sigmoid は活性化前の u を受け取る関数なので d_sigmoid(u[:, t+1]) です。"
        "コースのノートブックで出力層の y に d_sigmoid を使っている箇所と同じ落とし穴です。",
        en="d_sigmoid was applied to the activated value z = sigmoid(u) (sigmoid applied twice): "
        "d_sigmoid takes the pre-activation, so use d_sigmoid(u[:, t+1]). It is the same trap as "
        "the course notebook's d_sigmoid applied to the already activated y.",
    ),
    Variant(
        "u_as_activation",
        lambda c: _delta(c, dact=lambda x: x * (1 - x)),
        ja="u * (1 - u) を使っていませんか。s(1 − s) の形は s が活性化後の値 sigmoid(u) のときだけ"
        "成り立ちます。u は活性化前なので d_sigmoid(u[:, t+1])（= z * (1 - z), z = sigmoid(u)）です。",
        en="you used u * (1 - u): the form s(1 − s) needs s = sigmoid(u), the activated value. u is the "
        "pre-activation, so use d_sigmoid(u[:, t+1]) (= z * (1 - z) with z = sigmoid(u)).",
    ),
    Variant(
        "no_recurrent_term",
        lambda c: _delta(c, recurrent=False),
        ja="再帰の項 delta[:, t+1] @ W.T が入っていません（または使った時点でまだ 0 でした）。"
        "z[:, t+1] は次の時刻の u[:, t+2] にも入るので、その勾配を足し、ループは t = T-1 から 0 へ"
        "逆向きに回してください。",
        en="the recurrent term delta[:, t+1] @ W.T is missing (or was still 0 when you used it): "
        "z[:, t+1] also feeds u[:, t+2], so add that term, and run the loop backwards from "
        "t = T-1 down to 0.",
    ),
    Variant(
        "W_not_transposed",
        lambda c: _delta(c, W_T=False),
        ja="再帰の項で W が転置されていません。u[:, t+2] = … + z[:, t+1] @ W なので、z[:, t+1] への勾配は "
        "delta[:, t+1] @ W.T です（W は正方行列なので形状では気づけません）。",
        en="the recurrent term uses W untransposed: since u[:, t+2] = … + z[:, t+1] @ W, the gradient "
        "w.r.t. z[:, t+1] is delta[:, t+1] @ W.T (W is square, so the shape cannot tell you).",
    ),
    Variant(
        "u_off_by_one",
        lambda c: _delta(c, shift=0),
        ja="d_sigmoid(u[:, t]) になっています。時刻 t の隠れ層の活性化前の値は u[:, t+1] なので "
        "d_sigmoid(u[:, t+1]) です（u[:, 0] は使いません）。",
        en="you used d_sigmoid(u[:, t]): the hidden pre-activation of step t is u[:, t+1], so use "
        "d_sigmoid(u[:, t+1]) (u[:, 0] is unused).",
    ),
)


def _run(learner, case) -> dict:
    return {"delta": learner.rnn_delta(case["u"], case["delta_out"], case["W"], case["W_out"])}


CHECKS = {
    "cases": Cases(inputs=_inputs, run=_run, expected=lambda c: _delta(c), variants=VARIANTS),
    "gradcheck": GradCheck(inputs=_inputs, run=_run, loss=_loss, wrt={"delta": "_xin"}, tol=1e-6),
}
