"""Hidden tests for `successive_halving`: the rounds of successive halving over a given evaluate(i, budget).

The validation loss of setting i at a budget b is a_i + c_i / b (a learning curve that levels off), with a and c
drawn so that the ranking changes as the budget grows. The learner's calls to evaluate are recorded and compared,
sorted, with the reference's (i, budget) pairs, so the process shows, not only the answer: keeping the largest
losses, a budget that does not grow or grows by r instead of ×eta, keeping ceil(remaining / eta), and one more
evaluation of the last setting each give other calls. The cases include n_configs = 1 (no round at all) and
a round with fewer settings than eta (max(1, ·) keeps one). Losses never tie.
"""

from __future__ import annotations

import math

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

# (n_configs, r, eta)
RUNS = ((27, 1, 3), (16, 2, 2), (7, 2, 3), (10, 1, 3), (1, 2, 3))


def _inputs(rng) -> list[dict]:
    cases = []
    for n, r, eta in RUNS:
        cases.append(
            {"n": n, "r": r, "eta": eta, "a": rng.uniform(0.1, 1.0, size=n), "c": rng.uniform(0.0, 3.0, size=n)}
        )
    return cases


def _loss(case: dict, i: int, budget) -> float:
    return float(case["a"][i] + case["c"][i] / budget)


def _halving(case: dict, form: str = "right") -> dict:
    alive = list(range(case["n"]))
    budget = case["r"]
    calls = []
    while len(alive) > 1:
        losses = []
        for i in alive:
            calls.append((i, budget))
            losses.append(_loss(case, i, budget))
        order = np.argsort(losses)
        if form == "keep_worst":
            order = order[::-1]
        keep = math.ceil(len(alive) / case["eta"]) if form == "ceil_keep" else max(1, len(alive) // case["eta"])
        alive = [alive[j] for j in order[:keep]]
        if form == "linear_budget":
            budget += case["r"]
        elif form != "fixed_budget":
            budget *= case["eta"]
    if form == "extra_round" and calls:
        calls.append((alive[0], budget))
    return {"best": alive[0], "calls": np.array(sorted(calls), dtype=float).reshape(-1, 2)}


def _run(learner, case) -> dict:
    calls = []

    def evaluate(i, budget):
        calls.append((int(i), float(budget)))
        return _loss(case, int(i), budget)

    best = learner.successive_halving(case["n"], case["r"], case["eta"], evaluate)
    return {"best": best, "calls": np.array(sorted(calls), dtype=float).reshape(-1, 2)}


def _variant(name: str, ja: str, en: str) -> Variant:
    return Variant(name, lambda c: _halving(c, name), ja=ja, en=en)


VARIANTS = (
    _variant(
        "keep_worst",
        ja="損失の大きい設定を残しています。evaluate が返すのは損失（小さいほど良い）なので、np.argsort(losses) の先頭から残します。",
        en="the settings with the largest losses are kept: evaluate returns a loss (smaller is better), so keep the "
        "front of np.argsort(losses).",
    ),
    _variant(
        "fixed_budget",
        ja="予算が増えていません。Successive Halving は設定を 1/eta に減らすたびに、1 設定あたりの予算を eta 倍にします。",
        en="the budget never grows: each time successive halving cuts the settings to 1/eta, it multiplies each "
        "setting's budget by eta.",
    ),
    _variant(
        "linear_budget",
        ja="予算を r ずつ足しています。ラウンドごとに eta 倍（r, r·eta, r·eta², …）にします。",
        en="the budget grows by r each round: it is multiplied by eta (r, r·eta, r·eta², …).",
    ),
    _variant(
        "ceil_keep",
        ja="残す数を切り上げています。残すのは max(1, 残りの数 // eta) 個（切り捨て）です。",
        en="the number kept is rounded up: keep max(1, remaining // eta) (rounded down).",
    ),
    _variant(
        "extra_round",
        ja="1 個になった設定をもう一度評価しています。残りが 1 個になったら評価せずに終えます（while len(alive) > 1）。",
        en="the one setting left is evaluated once more: stop as soon as one is left, without evaluating it "
        "(while len(alive) > 1).",
    ),
)

CHECKS = {
    "rounds": Cases(inputs=_inputs, run=_run, expected=lambda c: _halving(c), variants=VARIANTS),
}
