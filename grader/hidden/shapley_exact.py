"""Hidden tests for `shapley_exact`: φ_i = Σ_{S ⊆ N∖{i}} |S|!(n − |S| − 1)!/n! (v(S ∪ {i}) − v(S)).

Each case is a random game on n = 3, 4 and 5 players, kept as a table of 2^n worths indexed by the
subset's bit mask (a function cannot cross between the processes: the learner's process builds value()
from the table). v(∅) is not 0, so a sum that skips the empty set, or an efficiency of v(N) instead of
v(N) − v(∅), shows; the games are not additive, so leave-one-out, singleton and Banzhaf answers differ.
The reference averages marginal contributions over all orderings, another route than the solution's.
"""

from __future__ import annotations

from itertools import combinations, permutations
from math import factorial

import numpy as np

from grader.checks.base import Variant
from grader.checks.cases import Cases

SIZES = (3, 4, 5)


def _inputs(rng) -> list[dict]:
    cases = []
    for n in SIZES:
        table = rng.normal(size=2**n) + np.array([bin(mask).count("1") for mask in range(2**n)], dtype=float)
        table[0] = 0.5 + abs(table[0])  # v(∅) != 0
        cases.append({"table": table, "n": n})
    return cases


def _mask(S) -> int:
    return sum(1 << j for j in S)


def _value_fn(case):
    table, n = case["table"], case["n"]

    def value(S):
        members = frozenset(S)
        if not all(isinstance(j, (int, np.integer)) and 0 <= j < n for j in members):
            raise ValueError(f"value(S): S must hold feature indices 0..{n - 1}, got {sorted(members)!r}")
        return float(table[_mask(members)])

    return value


def _run(learner, case) -> dict:
    return {"phi": learner.shapley_exact(case["n"], _value_fn(case))}


def _run_total(learner, case) -> dict:
    phi = _run(learner, case)["phi"]
    return {"total": float(np.sum(phi)) if isinstance(phi, np.ndarray) and phi.shape == (case["n"],) else phi}


def _by_orderings(case) -> np.ndarray:
    n, v = case["n"], _value_fn(case)
    phi = np.zeros(n)
    for order in permutations(range(n)):
        before: frozenset = frozenset()
        for j in order:
            phi[j] += v(before | {j}) - v(before)
            before = before | {j}
    return phi / factorial(n)


def _weighted(case, weight, *, skip_empty=False) -> np.ndarray:
    n, v = case["n"], _value_fn(case)
    phi = np.zeros(n)
    for i in range(n):
        rest = [j for j in range(n) if j != i]
        for size in range(1 if skip_empty else 0, n):
            for S in combinations(rest, size):
                S = frozenset(S)
                phi[i] += weight(n, size) * (v(S | {i}) - v(S))
    return phi


def _shapley_weight(n, size):
    return factorial(size) * factorial(n - size - 1) / factorial(n)


def _leave_one_out(case) -> np.ndarray:
    n, v = case["n"], _value_fn(case)
    full = frozenset(range(n))
    return np.array([v(full) - v(full - {i}) for i in range(n)])


def _singleton(case) -> np.ndarray:
    v = _value_fn(case)
    return np.array([v({i}) - v(frozenset()) for i in range(case["n"])])


MISTAKES = (
    (
        "equal_weights",
        lambda c: _weighted(c, lambda n, size: 1 / 2 ** (n - 1)),
        "すべての部分集合を同じ重み 1/2^(n−1) で平均しています（これは Banzhaf 値です）。Shapley 値の重みは "
        "|S|!(n − |S| − 1)!/n! で、部分集合の大きさごとに等しい重みを配ります。",
        "every subset gets the same weight 1/2^(n−1) (that is the Banzhaf value): the Shapley weight is "
        "|S|!(n − |S| − 1)!/n!, which shares the weight equally among the subset sizes.",
    ),
    (
        "no_empty_set",
        lambda c: _weighted(c, _shapley_weight, skip_empty=True),
        "空集合 S = ∅ の項が抜けています。|S| = 0 の項 (n − 1)!/n! · (v({i}) − v(∅)) も足します"
        "（combinations(rest, 0) は空のタプルを 1 つ返します）。",
        "the term of the empty set S = ∅ is missing: add the |S| = 0 term (n − 1)!/n! · (v({i}) − v(∅)) too "
        "(combinations(rest, 0) yields one empty tuple).",
    ),
    (
        "leave_one_out",
        _leave_one_out,
        "全体の集合に対する限界貢献 v(N) − v(N ∖ {i}) だけを使っています（leave-one-out）。Shapley 値は i を含まない"
        "すべての部分集合 S での限界貢献 v(S ∪ {i}) − v(S) の重み付き平均です。",
        "only the marginal contribution against the full set, v(N) − v(N ∖ {i}), is used (leave-one-out): the "
        "Shapley value is a weighted mean of v(S ∪ {i}) − v(S) over every subset S without i.",
    ),
    (
        "singleton",
        _singleton,
        "空集合に対する限界貢献 v({i}) − v(∅) だけを使っています。i を含まないすべての部分集合 S で "
        "v(S ∪ {i}) − v(S) を求め、重み |S|!(n − |S| − 1)!/n! で足します。",
        "only the marginal contribution against the empty set, v({i}) − v(∅), is used: take v(S ∪ {i}) − v(S) for "
        "every subset S without i and weight it by |S|!(n − |S| − 1)!/n!.",
    ),
    (
        "weights_times_n",
        lambda c: _weighted(c, lambda n, size: factorial(size) * factorial(n - size - 1) / factorial(n - 1)),
        "重みが n 倍です（n! ではなく (n − 1)! で割っている、または 1/C(n − 1, |S|) で 1/n が抜けています）。重みは "
        "|S|!(n − |S| − 1)!/n! = 1/(n · C(n − 1, |S|)) で、i についての重みの合計が 1 になります。",
        "the weights are n times too large (divided by (n − 1)! instead of n!, or 1/C(n − 1, |S|) without the 1/n): "
        "the weight is |S|!(n − |S| − 1)!/n! = 1/(n · C(n − 1, |S|)), and each player's weights add up to 1.",
    ),
    (
        "weights_off_by_one",
        lambda c: _weighted(c, lambda n, size: factorial(size) * factorial(n - size) / factorial(n)),
        "重みの (n − |S| − 1)! が (n − |S|)! になっています。i を S の後に置いた残りの n − |S| − 1 人の並べ方です。",
        "the weight uses (n − |S|)! instead of (n − |S| − 1)!: it counts the orderings of the n − |S| − 1 players "
        "left after S and i.",
    ),
)

PHI_VARIANTS = tuple(Variant(name, lambda c, f=f: {"phi": f(c)}, ja=ja, en=en) for name, f, ja, en in MISTAKES)
TOTAL_VARIANTS = tuple(
    Variant(name, lambda c, f=f: {"total": float(np.sum(f(c)))}, ja=ja, en=en) for name, f, ja, en in MISTAKES
)


def _efficiency(case) -> dict:
    table = case["table"]
    return {"total": float(table[-1] - table[0])}  # v(N) − v(∅)


CHECKS = {
    "values": Cases(inputs=_inputs, run=_run, expected=lambda c: {"phi": _by_orderings(c)}, variants=PHI_VARIANTS),
    "efficiency": Cases(inputs=_inputs, run=_run_total, expected=_efficiency, variants=TOTAL_VARIANTS),
}
