"""Hidden tests for `q_learning_update`: a log of transitions is applied in order to a random Q table.

Each case: Q (S, A) with S != A, random everywhere (terminal rows too, so a bootstrap at a terminal
transition shows), 7 transitions with done at two places, γ < 1 and α < 1. The run returns the
table after all the updates (the same object the grader passed: an update on a copy shows) and
the TD errors returned by each call.
"""

from __future__ import annotations

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SETTINGS = ((6, 3, 0.5, 0.9), (5, 4, 0.1, 0.8), (7, 2, 0.3, 0.95))  # S, A, alpha, gamma
STEPS = 7
DONE_AT = (2, 6)


def _inputs(rng) -> list[dict]:
    cases = []
    for S, A, alpha, gamma in SETTINGS:
        Q = rng.normal(size=(S, A))
        log = []
        s = int(rng.integers(S))
        for k in range(STEPS):
            a = int(rng.integers(A))
            s_next = int(rng.integers(S))
            a_next = int(rng.integers(A))
            log.append((s, a, float(np.round(rng.normal(), 3)), s_next, a_next, k in DONE_AT))
            s = int(rng.integers(S)) if k in DONE_AT else s_next
        cases.append({"Q": Q, "_log": tuple(log), "_alpha": alpha, "_gamma": gamma})
    return cases


def _run(learner, case) -> dict:
    Q = case["Q"]
    deltas = []
    for s, a, r, s_next, a_next, done in case["_log"]:
        deltas.append(learner.q_learning_update(Q, s, a, r, s_next, a_next, done, case["_alpha"], case["_gamma"]))
    return {"Q": Q, "deltas": tuple(deltas)}


def _ref(case, *, rule="q", gamma_on=True, done_on=True, alpha_on=True, in_place=True):
    Q = case["Q"].copy()
    Q0 = case["Q"].copy()
    g = case["_gamma"] if gamma_on else 1.0
    deltas = []
    for s, a, r, s_next, a_next, done in case["_log"]:
        table = Q if in_place else Q0
        if done and done_on:
            target = r
        elif rule == "q":
            target = r + g * np.max(table[s_next])
        elif rule == "sarsa":
            target = r + g * table[s_next, a_next]
        else:  # max over the current state
            target = r + g * np.max(table[s])
        delta = target - table[s, a]
        if in_place:
            Q[s, a] = Q[s, a] + (case["_alpha"] * delta if alpha_on else delta)
        deltas.append(float(delta))
    return {"Q": Q if in_place else Q0, "deltas": tuple(deltas)}


def V_(name, ja, en, **kw):
    return Variant(name, lambda c: _ref(c, **kw), ja=ja, en=en)


VARIANTS = (
    V_(
        "sarsa",
        rule="sarsa",
        ja="Q[s_next, a_next]（実際に選んだ次の行動）を使っています。それは SARSA（方策オン）です。Q 学習（方策オフ）は"
        "次の状態で最大の値 max_a' Q[s_next, a'] を使います。",
        en="you used Q[s_next, a_next], the next action actually taken: that is SARSA (on-policy). Q-learning "
        "(off-policy) uses the best value of the next state, max_a' Q[s_next, a'].",
    ),
    V_(
        "max_current_state",
        rule="current",
        ja="max を今の状態 s の行でとっています。max は次の状態の行 Q[s_next] でとります。",
        en="the max is taken over the current state's row Q[s]: take it over the next state's row Q[s_next].",
    ),
    V_(
        "no_gamma",
        gamma_on=False,
        ja="割引率 γ が抜けています: target = r + γ max_a' Q[s_next, a']。",
        en="the discount γ is missing: target = r + γ max_a' Q[s_next, a'].",
    ),
    V_(
        "ignore_done",
        done_on=False,
        ja="終端（done が True）でも Q[s_next] からブートストラップしています。終端の後に報酬はないので target = r です。",
        en="you bootstrap from Q[s_next] even when done is True: nothing follows a terminal state, so target = r.",
    ),
    V_(
        "no_alpha",
        alpha_on=False,
        ja="学習率 α が抜けています（Q[s, a] を target で置き換えています）: Q[s, a] += α δ。",
        en="the learning rate α is missing (Q[s, a] is replaced by the target): Q[s, a] += α δ.",
    ),
    V_(
        "not_in_place",
        in_place=False,
        ja="渡された Q が更新されていません（コピーを更新したか、Q = ... で名前を付け替えています）。"
        "Q[s, a] += ... で渡された配列そのものを書き換えます。",
        en="the Q passed in is not updated (a copy was updated, or the name Q was rebound with Q = ...): write "
        "into the array itself with Q[s, a] += ....",
    ),
)

CHECKS = {
    "updates": Cases(inputs=_inputs, run=_run, expected=lambda c: _ref(c), variants=VARIANTS),
}
