"""`numeric`: a number (or a constant expression such as 3/2 or sqrt(2/100)) within a stated tolerance."""
from __future__ import annotations

import math

from grader import expr
from grader.checks.base import Msg, Verdict
from grader.errors import AnswerError
from grader.results import ERROR, FAIL, PASS

RIGHT = Msg("正解です（{got:g}）", "correct ({got:g})")
WRONG = Msg("不正解です（あなたの答え {got:g}）", "not correct (your answer: {got:g})")
NOT_A_NUMBER = Msg("数値として読めません: {why}", "not a number: {why}")


def value_of(text: str) -> float:
    """The number an answer denotes; AnswerError when it is not a constant."""
    stripped = expr.normalise(text)
    if stripped.endswith("%"):
        raise AnswerError(f"write a percentage as a plain number: {stripped} is {stripped[:-1].strip()}/100",
                          f"百分率は数で書いてください: {stripped} は {stripped[:-1].strip()}/100 です")
    node = expr.parse(text, expr.Names(functions=("exp", "log", "ln", "sqrt", "tanh")))
    expr.check_bounded(node)
    value = expr.constant_value(node)
    if value is None or not math.isfinite(float(value)):
        raise AnswerError("not a finite number", "有限の数値ではありません")
    return float(value)


def matches(got: float, want: float, params: dict) -> bool:
    return math.isclose(got, want, rel_tol=float(params.get("rtol", 1e-6)),
                        abs_tol=float(params.get("tol", 1e-9)))


def judge(problem, spec, text: str, lang: str, values: dict | None = None, prover=None):
    """(Verdict, status) for a numeric answer; catalog numbers may be expressions of the drawn values."""
    from grader.params import value_of as catalog_value

    params = spec.params
    values = values or {}
    try:
        got = value_of(text)
    except AnswerError as exc:
        return Verdict(False, NOT_A_NUMBER(lang, why=exc.text(lang))), ERROR
    if matches(got, catalog_value(params["answer"], values), params):
        return Verdict(True, RIGHT(lang, got=got)), PASS
    diagnosis = None
    for wrong in params.get("wrong", []) or ():
        if matches(got, catalog_value(wrong["value"], values), params):
            from grader.params import render

            diagnosis = render(wrong.get(lang) or "", values) or None
            break
    return Verdict(False, WRONG(lang, got=got), diagnosis), FAIL
