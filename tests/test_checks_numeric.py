"""The `numeric` kind: a number or a constant expression within tolerance; known wrong numbers; parameters."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from grader.catalog import CheckSpec
from grader.checks import kind
from grader.checks.schema import Context, ParamError

NUMERIC = kind("numeric")
RAW = {
    "part": "oh",
    "answer": "(H + 2*P - FH)/S + 1",
    "wrong": [{"value": "(H - FH)/S + 1", "ja": "パディングを入れ忘れています。", "en": "the padding is missing."}],
}
VALUES = {"H": 28, "P": 1, "FH": 3, "S": 1}  # right: 28, without padding: 26
CONTEXT = Context(variables=tuple(VALUES))


def judge(text: str, lang: str = "en", raw: dict = RAW, values: dict = VALUES):
    spec = CheckSpec("numeric", "oh", 1, NUMERIC.parse(raw, CONTEXT))
    return NUMERIC.judge(SimpleNamespace(id="p", checks=(spec,)), spec, text, lang, values)


@pytest.mark.parametrize("typed", ["28", "28.0", "2.8e1", "56/2", "sqrt(784)", " 28 ", "２８"])
def test_the_right_number_in_any_constant_form_passes(typed):
    verdict = judge(typed)
    assert (verdict.status, verdict.message) == ("pass", "correct (28)")
    assert judge(typed, "ja").message == "正解です（28）"


def test_a_known_wrong_number_is_named_in_both_languages():
    verdict = judge("26")
    assert (verdict.status, verdict.message, verdict.diagnosis) == (
        "fail",
        "not correct (your answer: 26)",
        "the padding is missing.",
    )
    ja = judge("26", "ja")
    assert (ja.message, ja.diagnosis) == ("不正解です（あなたの答え 26）", "パディングを入れ忘れています。")
    assert judge("27").diagnosis is None


def test_the_tolerance_is_relative_and_the_catalog_may_widen_it():
    assert judge("28.00000001").status == "pass"  # 3.6e-10 relative: inside the default 1e-6
    assert judge("28.01").status == "fail"
    assert judge("28.01", raw=dict(RAW, rtol=1e-3)).status == "pass"


@pytest.mark.parametrize(
    "typed, lang, message",
    [
        (
            "x",
            "en",
            "not a number: unknown name 'x' at position 1; allowed: exp(), log(), ln(), sqrt(), tanh()\n    x\n    ^",
        ),
        ("28%", "en", "not a number: write a percentage as a plain number: 28% is 28/100"),
        ("28%", "ja", "数値として読めません: 百分率は数で書いてください: 28% は 28/100 です"),
        ("1e999", "en", "not a number: not a finite number"),
    ],
)
def test_what_is_not_a_number_cannot_be_read(typed, lang, message):
    verdict = judge(typed, lang)
    assert (verdict.status, verdict.message) == ("error", message)


@pytest.mark.parametrize(
    "change, key, what",
    [
        (
            {"answer": "(H + 2*Q)/S"},
            "answer",
            " cannot be read: unknown name 'Q' at position 8; allowed: H, P, FH, S, sigmoid(), exp(), log(), ln(), "
            "tanh(), cosh(), sinh(), sech(), sqrt()",
        ),
        ({"rtol": "tight"}, "rtol", ": expected a number, got 'tight'"),
        ({"tol": -1}, "tol", " must not be negative"),
        ({"wrong": [{"value": 26, "ja": "x"}]}, "wrong[0].en", " is missing"),
        ({"answer": None}, "answer", ": expected text or a number, got None"),
    ],
)
def test_parameters_that_do_not_fit_are_refused_by_key(change, key, what):
    with pytest.raises(ParamError) as info:
        NUMERIC.parse(dict(RAW, **change), CONTEXT)
    assert (info.value.key, str(info.value.what)) == (key, what)


def test_the_right_answer_as_the_review_shows_it():
    assert NUMERIC.expected_text(NUMERIC.parse(RAW, CONTEXT), VALUES) == "28"
    assert NUMERIC.expected_text(NUMERIC.parse({"part": "p", "answer": 0.125}), {}) == "0.125"
