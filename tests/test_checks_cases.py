"""The `cases` kind: named outputs against reference outputs, case by case; known wrong variants; params."""

from __future__ import annotations

import numpy as np
import pytest
from grader.checks import kind
from grader.checks.base import Variant
from grader.checks.cases import Cases
from grader.checks.schema import ParamError

CASES = kind("cases")


def _inputs(rng):
    return [{"x": rng.standard_normal((3, 4))}, {"x": rng.standard_normal((2, 5))}]


CHECK = Cases(
    inputs=_inputs,
    run=lambda learner, case: learner(case["x"]),
    expected=lambda case: {"s": case["x"].sum(axis=0)},
    variants=(
        Variant(
            "axis1",
            lambda case: {"s": case["x"].sum(axis=1)},
            ja="axis=1 で合計しています。",
            en="you summed over axis=1.",
        ),
    ),
)


def judge(learner, lang="en", params=None, check=CHECK):
    cases = check.draw(np.random.default_rng(0))
    return check.judge(cases, check.reference(cases), check.probe(learner, cases), lang, params)


def test_every_case_matching_passes():
    verdict = judge(lambda x: {"s": x.sum(axis=0)})
    assert (verdict.status, verdict.message) == ("pass", "all 2 cases match")
    assert judge(lambda x: {"s": x.sum(axis=0)}, "ja").message == "2 ケースすべて一致"


def test_the_first_mismatch_names_case_shapes_output_and_why_and_a_known_variant_is_diagnosed():
    verdict = judge(lambda x: {"s": x.sum(axis=1)})
    assert verdict.status == "fail"
    assert verdict.message == "case 1 (x(3, 4)): s: wrong shape (3,), expected (4,)"
    assert verdict.diagnosis == "you summed over axis=1."
    ja = judge(lambda x: {"s": x.sum(axis=1)}, "ja")
    assert (ja.message, ja.diagnosis) == (
        "ケース 1（x(3, 4)）: s: 形状が違います: (3,)（正しくは (4,)）",
        "axis=1 で合計しています。",
    )
    assert judge(lambda x: {"s": -x.sum(axis=0)}).diagnosis is None  # a sign flip is not the axis=1 mistake


def test_the_learner_gets_copies_so_changing_the_inputs_changes_nothing_here():
    def rude(x):
        total = x.sum(axis=0)
        x[...] = 0  # the learner's code overwrites its input
        return {"s": total}

    assert judge(rude).status == "pass"


def test_the_catalog_tolerance_overrides_the_hidden_modules():
    params = CASES.parse({"rtol": 0.0, "atol": 1e-3})
    assert judge(lambda x: {"s": x.sum(axis=0) + 1e-4}).status == "fail"
    assert judge(lambda x: {"s": x.sum(axis=0) + 1e-4}, params=params).status == "pass"
    assert judge(lambda x: {"s": x.sum(axis=0) + 1e-2}, params=params).status == "fail"


@pytest.mark.parametrize(
    "raw, key, what",
    [
        ({"rtol": "tight"}, "rtol", ": expected a number, got 'tight'"),
        ({"atol": True}, "atol", ": expected a number, got True"),
        ({"tolerance": 1e-6}, "tolerance", " is not a parameter here (known: rtol, atol)"),
    ],
)
def test_parameters_that_do_not_fit_are_refused_by_key(raw, key, what):
    with pytest.raises(ParamError) as info:
        CASES.parse(raw)
    assert (info.value.key, str(info.value.what)) == (key, what)
