"""Rules the catalog's content must keep, checked on every problem they apply to (not one by one).

A statement that promises a precision must be graded to that precision: when it asks for "at least N
significant digits", the right answer rounded to N significant digits passes, and a value off by ten
times the check's tolerance fails."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from grader import catalog as catalog_mod
from grader import grading
from grader.params import draw, value_of
from grader.submission import Answers

REPO = Path(__file__).resolve().parent.parent
CATALOG = catalog_mod.load(REPO / "problems.yaml")
SEEDS = range(1, 9)

DIGITS_JA = re.compile(r"有効数字\s*(\d+)\s*桁")
DIGITS_EN = re.compile(r"(\d+)\s+significant\s+digits")


def stated_digits(problem) -> int | None:
    """The number of significant digits the statement asks for, or None; ja and en must agree."""
    ja = {int(n) for n in DIGITS_JA.findall(problem.statement.ja)}
    en = {int(n) for n in DIGITS_EN.findall(" ".join(problem.statement.en.split()))}
    assert ja == en, f"{problem.id}: the statement asks for {ja or 'no'} digits in ja, {en or 'no'} in en"
    assert len(ja) <= 1, f"{problem.id}: the statement names several numbers of digits {sorted(ja)}"
    return ja.pop() if ja else None


def _numeric_checks(problem) -> list:
    return [spec for spec in problem.checks if spec.kind == "numeric"]


PRECISE = [
    pytest.param(p, n, id=p.id) for p in CATALOG.problems if _numeric_checks(p) and (n := stated_digits(p)) is not None
]


def test_the_rule_finds_the_problems_that_state_digits():
    assert {"svm_margin", "bayes_diagnostic"} <= {param.values[0].id for param in PRECISE}


def test_every_statement_agrees_on_its_digits_in_both_languages():
    for problem in CATALOG.problems:
        stated_digits(problem)


def _rounded(value: float, digits: int) -> str:
    return f"{value:.{digits}g}"


def _off(value: float, spec) -> str:
    """A value ten times the check's tolerance away from `value` (repr keeps every digit)."""
    return repr(value + 10 * max(spec.params.rtol * abs(value), spec.params.tol))


def _statuses(problem, parts: dict[str, str], values: dict) -> dict[str, str]:
    result = grading.grade(problem, Answers(parts), lang="en", values=values)
    return {check.name: check.status for check in result.checks}


@pytest.mark.parametrize("problem, digits", PRECISE)
def test_answers_rounded_to_the_stated_digits_pass_and_ten_tolerances_off_fail(problem, digits):
    checks = _numeric_checks(problem)
    for seed in SEEDS:
        values = draw(problem, seed)
        right = {spec.part: value_of(spec.params.answer, values) for spec in checks}
        assert all(math.isfinite(v) for v in right.values()), (problem.id, seed, right)
        rounded = {part: _rounded(v, digits) for part, v in right.items()}
        statuses = _statuses(problem, rounded, values)
        for spec in checks:
            assert statuses[spec.name] == "pass", (
                f"{problem.id} seed {seed}: {spec.part} = {rounded[spec.part]} ({digits} significant digits of "
                f"{right[spec.part]!r}) is rejected by rtol={spec.params.rtol}, tol={spec.params.tol}"
            )
        for spec in checks:
            off = dict(rounded, **{spec.part: _off(right[spec.part], spec)})
            assert _statuses(problem, off, values)[spec.name] == "fail", (
                f"{problem.id} seed {seed}: {spec.part} = {off[spec.part]}, ten tolerances from "
                f"{right[spec.part]!r}, is accepted"
            )


def test_the_rule_would_catch_a_tolerance_too_tight_for_its_digits():
    """The check above is not vacuous: 4/3 written with 4 digits fails at a relative 1e-4."""
    from grader.checks.numeric import Params, matches

    assert not matches(float(_rounded(4 / 3, 4)), 4 / 3, Params(part="x", answer=4 / 3, rtol=1e-4))
    assert matches(float(_rounded(4 / 3, 4)), 4 / 3, Params(part="x", answer=4 / 3, rtol=6e-4))
