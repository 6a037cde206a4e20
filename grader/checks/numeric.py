"""`numeric`: a number (or a constant expression such as 3/2 or sqrt(2/100)) within a stated tolerance."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from grader import expr
from grader.checks.base import Msg, Verdict
from grader.checks.schema import Bilingual, Context, Kind, ParamError, valid_key
from grader.errors import AnswerError
from grader.results import ERROR, FAIL, PASS
from grader.texts import Text

if TYPE_CHECKING:
    from grader.catalog import CheckSpec, Problem

RIGHT = Msg("正解です（{got:g}）", "correct ({got:g})")
WRONG = Msg("不正解です（あなたの答え {got:g}）", "not correct (your answer: {got:g})")
NOT_A_NUMBER = Msg("数値として読めません: {why}", "not a number: {why}")


def value_of(text: str) -> float:
    """The number an answer denotes; AnswerError when it is not a constant."""
    stripped = expr.normalise(text)
    if stripped.endswith("%"):
        raise AnswerError(
            f"write a percentage as a plain number: {stripped} is {stripped[:-1].strip()}/100",
            f"百分率は数で書いてください: {stripped} は {stripped[:-1].strip()}/100 です",
        )
    node = expr.parse(text, expr.Names(functions=("exp", "log", "ln", "sqrt", "tanh")))
    expr.check_bounded(node)
    value = expr.constant_value(node)
    if value is None or not math.isfinite(float(value)):
        raise AnswerError("not a finite number", "有限の数値ではありません")
    return float(value)


@dataclass(frozen=True)
class WrongValue(Bilingual):
    """A known wrong number (or expression of the problem's variables) and what it tells (ja, en)."""

    value: str | float


@dataclass(frozen=True)
class Params:
    """A `numeric` part: its answer key, the right number (or an expression of the problem's
    variables), known wrong ones, and the tolerances (relative `rtol`, absolute `tol`)."""

    part: str
    answer: str | float
    wrong: tuple[WrongValue, ...] = ()
    rtol: float = 1e-6
    tol: float = 1e-9


UNREADABLE = Text(" を式として読めません: {why}", " cannot be read: {why}")


def validate(params: Params, context: Context) -> None:
    valid_key(params.part, "part")
    if params.rtol < 0 or params.tol < 0:
        raise ParamError("rtol" if params.rtol < 0 else "tol", Text(" は負にできません", " must not be negative"))
    from grader.errors import AnswerError

    names = expr.Names(scalars=context.variables)
    for key, value in [("answer", params.answer)] + [
        (f"wrong[{i}].value", w.value) for i, w in enumerate(params.wrong)
    ]:
        if isinstance(value, str):
            try:
                expr.parse(value, names)
            except AnswerError as exc:
                raise ParamError(key, UNREADABLE.fill(why=Text(exc.ja, exc.en))) from None


def expected_text(params: Params, values: dict | None) -> str:
    from grader.params import value_of as catalog_value

    return f"{catalog_value(params.answer, values or {}):g}"


def matches(got: float, want: float, params: Params) -> bool:
    return math.isclose(got, want, rel_tol=params.rtol, abs_tol=params.tol)


def judge(
    problem: Problem, spec: CheckSpec, text: str, lang: str, values: dict | None = None, prover: Any = None
) -> Verdict:
    """The verdict on a numeric answer; catalog numbers may be expressions of the drawn values."""
    from grader.params import value_of as catalog_value

    params = spec.params
    values = values or {}
    try:
        got = value_of(text)
    except AnswerError as exc:
        return Verdict(ERROR, NOT_A_NUMBER(lang, why=exc.text(lang)))
    if matches(got, catalog_value(params.answer, values), params):
        return Verdict(PASS, RIGHT(lang, got=got))
    diagnosis = None
    for wrong in params.wrong:
        if matches(got, catalog_value(wrong.value, values), params):
            from grader.params import render

            diagnosis = render(wrong.get(lang), values) or None
            break
    return Verdict(FAIL, WRONG(lang, got=got), diagnosis)


KIND = Kind("numeric", Params, is_code=False, judge=judge, expected_text=expected_text, validate=validate)
