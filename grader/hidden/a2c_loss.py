"""Hidden tests for `a2c_loss`: n-step returns over a (T, B) rollout, and the advantage actor-critic loss.

returns: R_T = bootstrap, R_t = r_t + γ (1 − done_t) R_{t+1}. Every case has episode ends inside the
rollout and at its last step (where the bootstrap value must be dropped) and environments with no end,
so returns run forwards, a missing done mask, a missing bootstrap and the 1-step TD target all differ.

loss = −mean(log π(a|s) · adv) + c_v mean((R − V)²) − β mean(H), adv = R − V a constant for the policy
term. T != B != A, β large enough that a flipped entropy sign shows. The gradcheck's loss computes the
policy term's advantage from the values as drawn (kept in `_values0`), i.e. with the stop-gradient the
statement asks for, so an advantage differentiated through the policy term fails it.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.gradcheck import GradCheck
from grader.hidden._softmax import log_softmax as _log_softmax

SETTINGS = ((5, 3, 4, 0.9, 0.5, 0.05), (4, 6, 3, 0.99, 0.25, 0.2), (7, 2, 5, 0.8, 0.5, 0.1))  # T, B, A, γ, c_v, β


def _inputs(rng) -> list[dict]:
    cases = []
    for T, B, A, gamma, c_v, beta in SETTINGS:
        dones = (rng.random((T, B)) < 0.2).astype(np.float64)
        dones[:, 0] = 0.0  # one environment never ends: its returns bootstrap all the way
        dones[1, 1] = 1.0  # an episode end inside the rollout
        dones[T - 1, B - 1] = 1.0  # an end at the last step: the bootstrap value is not used there
        actions = rng.integers(A, size=(T, B))
        actions[0, :2] = (0, A - 1)
        values = rng.normal(size=(T, B))
        cases.append(
            {
                "logits": rng.normal(size=(T, B, A)) * 1.5,
                "actions": actions,
                "rewards": np.round(rng.normal(size=(T, B)), 3),
                "dones": dones,
                "values": values,
                "bootstrap_value": rng.normal(size=B),
                "gamma": gamma,
                "value_coef": c_v,
                "entropy_coef": beta,
                "_values0": values.copy(),
            }
        )
    return cases


def _big(rng) -> list[dict]:
    """Rows around 1000 next to rows around 0 (a max over the whole array underflows the low rows), and one
    row whose logits spread over 800 (a shift by the row min overflows)."""
    cases = _inputs(rng)[:2]
    for c in cases:
        c["logits"][::2] += 1000.0
        c["logits"][0, 0, 1] += 800.0
    return cases


def _returns(c, *, order="backward", mask=True, bootstrap=True, gamma_on=True, one_step=False):
    r, d = c["rewards"], c["dones"]
    T = r.shape[0]
    g = c["gamma"] if gamma_on else 1.0
    keep = (1 - d) if mask else np.ones_like(d)
    out = np.zeros_like(r)
    if one_step:
        v_next = np.concatenate([c["values"][1:], c["bootstrap_value"][None]], axis=0)
        return r + g * keep * v_next
    R = c["bootstrap_value"] if bootstrap else np.zeros(r.shape[1])
    steps = reversed(range(T)) if order == "backward" else range(T)
    for t in steps:
        R = r[t] + g * keep[t] * R
        out[t] = R
    return out


def _terms(c, values_for_adv=None, **returns_kw):
    """log π, π, one-hot actions, log π(a|s), entropy, the policy term's advantage, R − V of the value term."""
    R = _returns(c, **returns_kw)
    log_pi = _log_softmax(c["logits"])
    pi = np.exp(log_pi)
    onehot = np.eye(c["logits"].shape[-1])[c["actions"]]
    log_pi_a = np.sum(log_pi * onehot, axis=-1)
    entropy = -np.sum(pi * log_pi, axis=-1)
    adv_pg = R - (c["values"] if values_for_adv is None else values_for_adv)
    return log_pi, pi, onehot, log_pi_a, entropy, adv_pg, R - c["values"]


def _loss(c, *, pg_sign=1.0, ent_sign=1.0, baseline=True, value_scale=1.0, reduce="mean") -> float:
    _, _, _, log_pi_a, entropy, adv, diff = _terms(c)
    weight = adv if baseline else adv + c["values"]
    red = np.mean if reduce == "mean" else np.sum
    loss = (
        -pg_sign * red(log_pi_a * weight)
        + value_scale * c["value_coef"] * red(diff**2)
        - ent_sign * c["entropy_coef"] * red(entropy)
    )
    return float(loss)


def _gradcheck_loss(c) -> float:
    """The loss with the policy term's advantage held at the drawn values (stop-gradient)."""
    _, _, _, log_pi_a, entropy, adv, diff = _terms(c, values_for_adv=c["_values0"])
    return float(-np.mean(log_pi_a * adv) + c["value_coef"] * np.mean(diff**2) - c["entropy_coef"] * np.mean(entropy))


def _dlogits(c, *, pg_sign=1.0, ent_sign=1.0, entropy_on=True, baseline=True, scale=True):
    log_pi, pi, onehot, _, entropy, adv, _ = _terms(c)
    weight = adv if baseline else adv + c["values"]
    d = -pg_sign * weight[..., None] * (onehot - pi)
    if entropy_on:
        d = d + ent_sign * c["entropy_coef"] * pi * (log_pi + entropy[..., None])
    return d / (c["actions"].size if scale else 1.0)


def _dvalues(c, *, adv_grad=False, sign=1.0, factor=2.0, scale=True):
    _, _, _, log_pi_a, _, _, diff = _terms(c)
    d = -sign * factor * c["value_coef"] * diff
    if adv_grad:
        d = d + log_pi_a  # the policy term −log π · (R − V) differentiated by V
    return d / (c["actions"].size if scale else 1.0)


def _run_returns(learner, c) -> dict:
    return {"returns": learner.n_step_returns(c["rewards"], c["dones"], c["bootstrap_value"], c["gamma"])}


def _run(learner, c) -> dict:
    res = learner.a2c_loss(
        c["logits"],
        c["actions"],
        c["rewards"],
        c["dones"],
        c["values"],
        c["bootstrap_value"],
        c["gamma"],
        c["value_coef"],
        c["entropy_coef"],
    )
    loss, dlogits, dvalues = res if isinstance(res, tuple) and len(res) == 3 else (res, None, None)
    return {"loss": loss, "dlogits": dlogits, "dvalues": dvalues}


def _run_loss(learner, c) -> dict:
    return {"loss": _run(learner, c)["loss"]}


def _run_grads(learner, c) -> dict:
    out = _run(learner, c)
    return {"dlogits": out["dlogits"], "dvalues": out["dvalues"]}


FORWARD_JA = (
    "収益を前向き（t = 0 から）に計算しています。R_t はそれより後の報酬から決まるので、最後の時刻から逆向きに "
    "R = bootstrap_value、for t in reversed(range(T)): R = r_t + γ (1 − done_t) R と計算します。"
)
FORWARD_EN = (
    "the returns are computed forwards (from t = 0): R_t depends on the later rewards, so go backwards from the last "
    "step, R = bootstrap_value, for t in reversed(range(T)): R = r_t + γ (1 − done_t) R."
)
MASK_JA = (
    "done のマスクがありません。エピソードが終わった時刻 t（done_t = 1）では、次の行は別のエピソードなので "
    "ブートストラップを止めます: R_t = r_t + γ (1 − done_t) R_{t+1}。"
)
MASK_EN = (
    "the done mask is missing: where an episode ends (done_t = 1) the next row belongs to another episode, so the "
    "bootstrap stops there: R_t = r_t + γ (1 − done_t) R_{t+1}."
)
RETURN_VARIANTS = (
    Variant("returns_forward", lambda c: {"returns": _returns(c, order="forward")}, ja=FORWARD_JA, en=FORWARD_EN),
    Variant("no_done_mask", lambda c: {"returns": _returns(c, mask=False)}, ja=MASK_JA, en=MASK_EN),
    Variant(
        "no_bootstrap",
        lambda c: {"returns": _returns(c, bootstrap=False)},
        ja="最後の状態の価値 bootstrap_value を使っていません（R_T = 0 にしています）。ロールアウトの終わりは"
        "エピソードの終わりとは限らないので、R_T = V(s_T) = bootstrap_value から始めます。",
        en="the value of the last state, bootstrap_value, is not used (R_T = 0): the end of a rollout is not "
        "necessarily the end of an episode, so start from R_T = V(s_T) = bootstrap_value.",
    ),
    Variant(
        "no_gamma",
        lambda c: {"returns": _returns(c, gamma_on=False)},
        ja="割引率 γ が抜けています: R_t = r_t + γ (1 − done_t) R_{t+1}。",
        en="the discount γ is missing: R_t = r_t + γ (1 − done_t) R_{t+1}.",
    ),
)


def _loss_with_returns(c, **returns_kw) -> dict:
    """The loss with the returns computed the wrong way (forwards, or as 1-step TD targets)."""
    _, _, _, log_pi_a, entropy, adv, _ = _terms(c, **returns_kw)
    loss = -np.mean(log_pi_a * adv) + c["value_coef"] * np.mean(adv**2) - c["entropy_coef"] * np.mean(entropy)
    return {"loss": float(loss)}


ONE_STEP_JA = (
    "アドバンテージを 1 ステップの TD ターゲット r_t + γ (1 − done_t) V(s_{t+1}) から求めています。この問題は "
    "n ステップ収益 R = n_step_returns(...) を使い、adv = R − values です。"
)
ONE_STEP_EN = (
    "the advantage is built on the 1-step TD target r_t + γ (1 − done_t) V(s_{t+1}); this problem uses the n-step "
    "returns R = n_step_returns(...), with adv = R − values."
)


ENT_JA = (
    "エントロピーの符号が逆です。エントロピー H は探索を続けさせるためのボーナスなので、損失からは引きます: "
    "loss = … − β · mean(H)、H = −Σ_a π log π。"
)
ENT_EN = (
    "the entropy has the wrong sign: the entropy H is a bonus that keeps the policy exploring, so it is subtracted "
    "from the loss: loss = … − β · mean(H), with H = −Σ_a π log π."
)
PG_JA = (
    "方策の損失の符号が逆です。勾配降下で mean(log π(a|s) · adv) を大きくするので、損失は "
    "−mean(log π(a|s) · adv) です。"
)
PG_EN = (
    "the policy loss has the wrong sign: gradient descent must increase mean(log π(a|s) · adv), so the loss is "
    "−mean(log π(a|s) · adv)."
)
BASELINE_JA = (
    "方策の損失で収益 R をそのまま重みにしています。Actor-Critic では価値 V をベースラインとして引いた "
    "アドバンテージ adv = R − V を使います。"
)
BASELINE_EN = (
    "the policy loss weights log π by the return R itself: an actor-critic subtracts the value V as a baseline and "
    "uses the advantage adv = R − V."
)
LOSS_VARIANTS = (
    Variant("entropy_sign", lambda c: {"loss": _loss(c, ent_sign=-1.0)}, ja=ENT_JA, en=ENT_EN),
    Variant("policy_sign", lambda c: {"loss": _loss(c, pg_sign=-1.0)}, ja=PG_JA, en=PG_EN),
    Variant("no_baseline", lambda c: {"loss": _loss(c, baseline=False)}, ja=BASELINE_JA, en=BASELINE_EN),
    Variant(
        "value_half",
        lambda c: {"loss": _loss(c, value_scale=0.5)},
        ja="価値の損失に ½ が掛かっています。この問題の価値の損失は c_v · mean((R − V)²) です（係数は value_coef だけ）。",
        en="the value loss has a ½: in this problem it is c_v · mean((R − V)²), with value_coef as its only factor.",
    ),
    Variant(
        "sum_not_mean",
        lambda c: {"loss": _loss(c, reduce="sum")},
        ja="T × B 個の項を合計しています。3 つの項とも T × B 個の平均をとります。",
        en="the T × B terms are summed: all three terms are means over the T × B entries.",
    ),
    Variant("loss_returns_forward", lambda c: _loss_with_returns(c, order="forward"), ja=FORWARD_JA, en=FORWARD_EN),
    Variant("loss_no_done_mask", lambda c: _loss_with_returns(c, mask=False), ja=MASK_JA, en=MASK_EN),
    Variant("loss_one_step", lambda c: _loss_with_returns(c, one_step=True), ja=ONE_STEP_JA, en=ONE_STEP_EN),
)

GRAD_VARIANTS = (
    Variant(
        "adv_not_constant",
        lambda c: {"dvalues": _dvalues(c, adv_grad=True)},
        ja="方策の損失の中のアドバンテージ adv = R − V まで V で微分しています（+log π(a|s)/(T·B) の項）。adv は方策を"
        "動かす重みで定数として扱い（PyTorch なら adv.detach()）、V の勾配は価値の損失からだけ: "
        "dvalues = −2 c_v (R − V)/(T·B)。",
        en="the advantage adv = R − V inside the policy loss is differentiated by V too (a term +log π(a|s)/(T·B)): "
        "adv is a weight that moves the policy and is a constant (adv.detach() in PyTorch), so V's gradient comes "
        "from the value loss only: dvalues = −2 c_v (R − V)/(T·B).",
    ),
    Variant("grad_entropy_sign", lambda c: {"dlogits": _dlogits(c, ent_sign=-1.0)}, ja=ENT_JA, en=ENT_EN),
    Variant(
        "grad_no_entropy",
        lambda c: {"dlogits": _dlogits(c, entropy_on=False)},
        ja="dlogits にエントロピー項の勾配がありません。−β · mean(H) を logits で微分すると "
        "β π (log π + H)/(T·B) です（H = −Σ_a π log π）。",
        en="dlogits lacks the entropy term's gradient: differentiating −β · mean(H) by the logits gives "
        "β π (log π + H)/(T·B), with H = −Σ_a π log π.",
    ),
    Variant("grad_policy_sign", lambda c: {"dlogits": _dlogits(c, pg_sign=-1.0)}, ja=PG_JA, en=PG_EN),
    Variant("grad_no_baseline", lambda c: {"dlogits": _dlogits(c, baseline=False)}, ja=BASELINE_JA, en=BASELINE_EN),
    Variant(
        "dlogits_no_mean",
        lambda c: {"dlogits": _dlogits(c, scale=False)},
        ja="dlogits を T × B で割っていません（損失は T × B 個の平均です）。",
        en="dlogits is not divided by T × B (the loss is a mean over T × B entries).",
    ),
    Variant(
        "dvalues_sign",
        lambda c: {"dvalues": _dvalues(c, sign=-1.0)},
        ja="dvalues の符号が逆です。(R − V)² を V で微分すると −2 (R − V) です: dvalues = −2 c_v (R − V)/(T·B)。",
        en="dvalues has the wrong sign: the derivative of (R − V)² by V is −2 (R − V), so dvalues = "
        "−2 c_v (R − V)/(T·B).",
    ),
    Variant(
        "dvalues_no_2",
        lambda c: {"dvalues": _dvalues(c, factor=1.0)},
        ja="dvalues の 2 が抜けています。(R − V)² の微分は −2 (R − V) です（損失に ½ はありません）。",
        en="the 2 is missing from dvalues: the derivative of (R − V)² is −2 (R − V) (the loss has no ½).",
    ),
    Variant(
        "dvalues_no_mean",
        lambda c: {"dvalues": _dvalues(c, scale=False)},
        ja="dvalues を T × B で割っていません: dvalues = −2 c_v (R − V)/(T·B)。",
        en="dvalues is not divided by T × B: dvalues = −2 c_v (R − V)/(T·B).",
    ),
)


def _grads(c) -> dict:
    return {"dlogits": _dlogits(c), "dvalues": _dvalues(c)}


CHECKS = {
    "returns": Cases(
        inputs=_inputs, run=_run_returns, expected=lambda c: {"returns": _returns(c)}, variants=RETURN_VARIANTS
    ),
    "loss": Cases(inputs=_inputs, run=_run_loss, expected=lambda c: {"loss": _loss(c)}, variants=LOSS_VARIANTS),
    "gradient": Cases(inputs=_inputs, run=_run_grads, expected=_grads, variants=GRAD_VARIANTS),
    "gradcheck": GradCheck(
        inputs=_inputs, run=_run_grads, loss=_gradcheck_loss, wrt={"dlogits": "logits", "dvalues": "values"}
    ),
    "stable": Cases(inputs=_big, run=_run, expected=lambda c: {"loss": _loss(c), **_grads(c)}),
}
