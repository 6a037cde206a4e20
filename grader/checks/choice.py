"""`choice`: one option letter, in the exam's forms (pick the right statement, pick the false one, a
combination of (あ)〜(お)), with an explanation of every option (of every statement, in a combination)."""

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
KANA = "あいうえお"  # a combination question's statement labels, in order
FORMS = ("right", "wrong", "combination")
WRONG_OF_WRONG = Msg(
    "不正解です（{ans} を選びました。{ans} は正しい記述です。この問題は誤っているものを選びます）",
    "not correct (you chose {ans}, which is a true statement; the question asks for the false one)",
)
MISJUDGED = Msg("{label}は{truth}。", "{label} is {truth}: ")
LABEL = Msg("（{kana}）", "({latin})")  # (あ) in Japanese, (a) in English
PICKS = Msg("・", ", ")  # between a combination option's picks
SENTENCES = Msg("", " ")  # between the sentences of a diagnosis
TRUE = Msg("正しい記述です", "true")
FALSE = Msg("誤った記述です", "false")


@dataclass(frozen=True)
class Params:
    """A `choice` part: its answer key, the options (letter -> text in ja and en), the right letter,
    and for every option why it is right or wrong (a wrong one's is shown when it is chosen, the
    right one's in the explanation). The statement shows the options where it has a line
    `<options PART>`.

    `form`: `right` (pick the right statement, the default), `wrong` (pick the false one: 誤っている
    ものを選べ), or `combination`: the statements (あ)〜(お) are in `statements` (shown by a line
    `<statements PART>`), `correct` lists the right ones, each option is a tuple of picks, and
    `explain` says of each statement why it is true or false."""

    part: str
    answer: str
    options: dict[str, Bilingual | tuple[str, ...] | str]
    explain: dict[str, Bilingual] = field(default_factory=dict)
    form: str = "right"
    statements: dict[str, Bilingual] = field(default_factory=dict)
    correct: tuple[str, ...] = ()

    def why(self, letter: str) -> Bilingual | None:
        """The explanation of option `letter` (any case), None when the catalog has none (a
        combination's explanations are per statement)."""
        if self.form == "combination":
            return None
        return {k.upper(): v for k, v in self.explain.items()}.get(letter.upper())

    def why_right(self, lang: str) -> str | None:
        """Why the right answer is right: its option's explanation, or for a combination whether
        each statement is true and why."""
        if self.form == "combination":
            return SENTENCES(lang).join(_verdict(self, label, lang) for label in self.statements)
        why = self.why(self.answer)
        return why.get(lang) if why is not None else None


def validate(params: Params, context: Context) -> None:
    valid_key(params.part, "part")
    letters = list(params.options)
    if len(letters) < 2:
        raise ParamError("options", Text(" には選択肢が 2 つ以上必要です", " must offer at least two options"))
    if letters != [chr(ord("A") + i) for i in range(len(letters))]:
        raise ParamError(
            "options",
            Text(" の記号は A, B, C, … の順にしてください", " must be lettered A, B, C, … in order"),
        )
    if params.form not in FORMS:
        raise ParamError("form", Text(" は {forms} のどれかです", " is one of {forms}").fill(forms=", ".join(FORMS)))
    if params.answer not in letters:
        raise ParamError(
            "answer",
            Text(" の {got} は選択肢（{options}）にありません", " is {got}, not one of the options ({options})").fill(
                got=repr(params.answer), options=", ".join(letters)
            ),
        )
    if params.form == "combination":
        _validate_combination(params)
        return
    for letter, option in params.options.items():
        if isinstance(option, tuple):
            raise ParamError(
                f"options.{letter}",
                Text(
                    " は文（{ja: …, en: …}、コードや式なら 1 つの文字列）にしてください",
                    " must be a text ({ja: …, en: …}, or one string for code or a formula)",
                ),
            )
    if params.statements or params.correct:
        raise ParamError(
            "statements", Text(" は form: combination だけのものです", " belongs to form: combination only")
        )
    for letter in params.explain:
        if letter not in letters:
            raise ParamError(
                f"explain.{letter}", Text(" は存在しない選択肢の説明です", " explains an option that does not exist")
            )
    missing = [letter for letter in letters if letter not in params.explain]
    if missing:  # the right option says why it is right, each wrong one which mistake it is
        raise ParamError(
            "explain",
            Text(
                " に選択肢 {letters} の説明がありません（正解も含め、すべての選択肢に要ります）",
                " has no explanation of option {letters} (every option needs one, the right one too)",
            ).fill(letters=", ".join(missing)),
        )


def _validate_combination(params: Params) -> None:
    labels = list(params.statements)
    if len(labels) < 2 or labels != list(KANA[: len(labels)]):
        raise ParamError(
            "statements",
            Text(
                " は （あ）から順に 2 つ以上の記述にしてください",
                " must be two or more statements labelled あ, い, … in order",
            ),
        )
    seen: list[frozenset[str]] = []
    for letter, option in params.options.items():
        if not isinstance(option, tuple) or not option or any(pick not in labels for pick in option):
            raise ParamError(
                f"options.{letter}",
                Text(
                    " は記述のラベルのリスト（例: [あ, う]）にしてください",
                    " must be a list of statement labels (e.g. [あ, う])",
                ),
            )
        if frozenset(option) in seen:
            raise ParamError(
                f"options.{letter}", Text(" は他の選択肢と同じ組み合わせです", " repeats another option's picks")
            )
        seen.append(frozenset(option))
    if any(label not in labels for label in params.correct):
        raise ParamError("correct", Text(" に存在しない記述があります", " names a statement that does not exist"))
    if frozenset(_picks(params, params.answer)) != frozenset(params.correct):
        raise ParamError(
            "answer",
            Text(
                " の組み合わせが correct の記述と一致しません",
                " does not pick exactly the statements listed in correct",
            ),
        )
    missing = [label for label in labels if label not in params.explain]
    if missing or any(key not in labels for key in params.explain):
        raise ParamError(
            "explain",
            Text(
                " には記述ごとに（{labels} のそれぞれに）正誤の理由が要ります",
                " needs why each statement ({labels}) is true or false, one per statement",
            ).fill(labels=", ".join(labels)),
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
    if params.form == "combination":
        return Verdict(FAIL, WRONG(lang, ans=answer), _misjudged(params, answer, lang, values))
    explain = params.why(answer)
    diagnosis = explain.get(lang) if explain is not None else None
    if diagnosis and values:
        from grader.params import render

        diagnosis = render(diagnosis, values)
    message = WRONG_OF_WRONG(lang, ans=answer) if params.form == "wrong" else WRONG(lang, ans=answer)
    return Verdict(FAIL, message, diagnosis)


def _misjudged(params: Params, answer: str, lang: str, values: dict | None) -> str:
    """Each statement the chosen combination judges wrongly: whether it is true, and why."""
    from grader.params import render

    picked = set(_picks(params, answer))
    said = [
        render(_verdict(params, label, lang), values or {})
        for label in params.statements
        if (label in picked) != (label in params.correct)
    ]
    return SENTENCES(lang).join(said)


def _verdict(params: Params, label: str, lang: str) -> str:
    """「（い）は誤った記述です。」 and why."""
    truth = (TRUE if label in params.correct else FALSE)(lang)
    return MISJUDGED(lang, label=label_of(label, lang), truth=truth) + params.explain[label].get(lang)


def _picks(params: Params, letter: str) -> tuple[str, ...]:
    option = params.options[letter]
    assert isinstance(option, tuple), "a combination's options are picks (validated)"
    return option


def label_of(label: str, lang: str) -> str:
    """A combination statement's label as `lang` shows it."""
    return LABEL(lang, kana=label, latin="abcde"[KANA.index(label)])


def option_text(params: Params, letter: str, lang: str) -> str:
    """The text of option `letter`: its own, or a combination's picks ((あ)・(う))."""
    option = params.options[letter]
    if isinstance(option, tuple):
        return PICKS(lang).join(label_of(pick, lang) for pick in option)
    return option if isinstance(option, str) else option.get(lang)


KIND = Kind("choice", Params, is_code=False, judge=judge, expected_text=expected_text, validate=validate)
