"""A problem's statement as the learner reads it: its numbers drawn, and each choice part's options
spelled out where the statement has a line `<options PART>` (a combination's (あ)〜(え) statements
where it has `<statements PART>`), in the catalog's order or, for the mock exam, shuffled by the
question's recorded seed (`shuffled`), so that what is shown, graded and reviewed agree."""

from __future__ import annotations

import dataclasses
import random
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from grader.catalog import Problem
    from grader.checks.choice import Params

PLACEHOLDER = re.compile(r"^( *)<(options|statements) ([A-Za-z_][A-Za-z0-9_]*)>[ \t]*$", re.M)
INLINE_WIDTH = 88  # short options (shapes, numbers, formulas) share one line up to this width, indent included
GAP = "   "


def placeholders(text: str) -> list[tuple[str, str]]:
    """The (what, part) of each placeholder line of `text`, in order: what is options or statements."""
    return [(m.group(2), m.group(3)) for m in PLACEHOLDER.finditer(text)]


def render(problem: Problem, lang: str, values: dict | None = None) -> str:
    """The statement in `lang`: placeholders spelled out, then the drawn numbers filled in."""
    from grader import params as numbers

    choices = {c.params.part: c.params for c in problem.checks if c.kind == "choice"}

    def spell(match: re.Match) -> str:
        indent, what, part = match.group(1), match.group(2), match.group(3)
        choice = choices.get(part)
        if choice is None:  # the catalog refuses this; keep the line rather than fail to show the problem
            return match.group(0)
        lines = statement_lines(choice, lang) if what == "statements" else option_lines(choice, lang, len(indent))
        return "\n".join(indent + line for line in lines)

    text = PLACEHOLDER.sub(spell, problem.statement.get(lang))
    return numbers.render(text, values) if values else text


def option_lines(choice: Params, lang: str, indent: int = 0) -> list[str]:
    """`A) text` per option, all on one line when they are short and single-line."""
    from grader import terminal
    from grader.checks.choice import option_text

    shown = [(letter, option_text(choice, letter, lang)) for letter in choice.options]
    if all("\n" not in text for _, text in shown):
        inline = GAP.join(f"{letter}) {text}" for letter, text in shown)
        if indent + terminal.display_width(inline) <= INLINE_WIDTH:
            return [inline]
    lines: list[str] = []
    for letter, text in shown:
        first, *rest = text.split("\n")
        lines.append(f"{letter}) {first}")
        lines += [" " * (len(letter) + 2) + line for line in rest]
    return lines


def statement_lines(choice: Params, lang: str) -> list[str]:
    """A combination question's statements, `（あ）text`."""
    from grader.checks.choice import label_of

    return [f"{label_of(label, lang)} {text.get(lang)}" for label, text in choice.statements.items()]


def shuffled(problem: Problem, seed: int) -> Problem:
    """`problem` with each choice part's options in an order drawn from `seed` and lettered A, B, …
    again (its answer and its explanations follow their options). Parts that share one list of
    options share one order, so a statement that shows the list once stays true for all of them."""
    if not any(c.kind == "choice" for c in problem.checks):
        return problem
    orders: list[tuple[object, dict[str, str]]] = []  # (options, shown letter -> catalog letter)
    checks = []
    for check in problem.checks:
        if check.kind != "choice":
            checks.append(check)
            continue
        choice = getattr(check.params, "resolve", lambda c=check: c.params)()  # a cached catalog's are lazy
        mapping = next((m for options, m in orders if options == choice.options), None)
        if mapping is None:
            letters = list(choice.options)
            order = letters[:]
            random.Random(f"{seed}:{problem.id}:{len(orders)}").shuffle(order)
            mapping = dict(zip(letters, order, strict=True))
            orders.append((choice.options, mapping))
        back = {catalog: shown for shown, catalog in mapping.items()}
        is_combination = choice.form == "combination"
        params = dataclasses.replace(
            choice,
            options={shown: choice.options[catalog] for shown, catalog in mapping.items()},
            answer=back[choice.answer.upper()],
            explain=choice.explain if is_combination else {back[k.upper()]: v for k, v in choice.explain.items()},
        )
        checks.append(dataclasses.replace(check, params=params))
    return dataclasses.replace(problem, checks=tuple(checks))
