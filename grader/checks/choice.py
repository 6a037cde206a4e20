"""`choice`: one option letter, with an explanation for each wrong option where the catalog has one."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from grader.checks.base import Msg, Verdict
from grader.checks.schema import Bilingual, Context, Kind, ParamError, valid_key
from grader.results import ERROR, FAIL, PASS
from grader.texts import Text

if TYPE_CHECKING:
    from grader.catalog import CheckSpec, Problem

RIGHT = Msg("正解です（{ans}）", "correct ({ans})")
WRONG = Msg("不正解です（{ans} を選びました）", "not correct (you chose {ans})")
NOT_AN_OPTION = Msg(
    "'{ans}' は選択肢にありません。{opts} のどれかを答えてください", "'{ans}' is not an option; answer one of {opts}"
)


@dataclass(frozen=True)
class Params:
    """A `choice` part: its answer key, the options (letter -> text), the right letter, and for every
    option why it is right or wrong (a wrong one's is shown when it is chosen, the right one's in
    the explanation)."""

    part: str
    answer: str
    options: dict[str, str | float]
    explain: dict[str, Bilingual] = field(default_factory=dict)

    def why(self, letter: str) -> Bilingual | None:
        """The explanation of option `letter` (any case), None when the catalog has none."""
        return {k.upper(): v for k, v in self.explain.items()}.get(letter.upper())


def validate(params: Params, context: Context) -> None:
    valid_key(params.part, "part")
    letters = [str(k).upper() for k in params.options]
    if len(letters) < 2:
        raise ParamError("options", Text(" には選択肢が 2 つ以上必要です", " must offer at least two options"))
    if params.answer.upper() not in letters:
        raise ParamError(
            "answer",
            Text(" の {got} は選択肢（{options}）にありません", " is {got}, not one of the options ({options})").fill(
                got=repr(params.answer), options=", ".join(letters)
            ),
        )
    for letter in params.explain:
        if letter.upper() not in letters:
            raise ParamError(
                f"explain.{letter}", Text(" は存在しない選択肢の説明です", " explains an option that does not exist")
            )
    missing = [letter for letter in letters if letter not in {str(k).upper() for k in params.explain}]
    if missing:  # the right option says why it is right, each wrong one which mistake it is
        raise ParamError(
            "explain",
            Text(
                " に選択肢 {letters} の説明がありません（正解も含め、すべての選択肢に要ります）",
                " has no explanation of option {letters} (every option needs one, the right one too)",
            ).fill(letters=", ".join(missing)),
        )


def expected_text(params: Params, values: dict | None) -> str:
    return params.answer


def judge(
    problem: Problem, spec: CheckSpec, text: str, lang: str, values: dict | None = None, prover: Any = None
) -> Verdict:
    """The verdict on a chosen option letter."""
    params = spec.params
    options = [str(k).upper() for k in params.options]
    answer = unicodedata.normalize("NFKC", text).strip().strip("()（）.").upper()
    if answer not in options:
        return Verdict(ERROR, NOT_AN_OPTION(lang, ans=text.strip()[:20], opts=", ".join(options)))
    if answer == params.answer.upper():
        return Verdict(PASS, RIGHT(lang, ans=answer))
    explain = params.why(answer)
    diagnosis = explain.get(lang) if explain is not None else None
    if diagnosis and values:
        from grader.params import render

        diagnosis = render(diagnosis, values)
    return Verdict(FAIL, WRONG(lang, ans=answer), diagnosis)


KIND = Kind("choice", Params, is_code=False, judge=judge, expected_text=expected_text, validate=validate)
