"""Parametric problems: numbers drawn from a seed, so a learner can repeat a problem without
memorising its answer. The seed is kept in the history and stored with each attempt."""

from __future__ import annotations

import random
import string
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from grader.catalog import Problem

MAX_TRIES = 2000


def default_seed(problem_id: str) -> int:
    """The seed used when no history is available: stable per problem."""
    return zlib.crc32(problem_id.encode())


def draw(problem: Problem, seed: int) -> dict[str, int]:
    """The variable values for `seed`: integers from each inclusive range, redrawn until every
    `integral` expression is a whole number and the `distinct` ones differ. Empty without variables."""
    if not problem.variables:
        return {}
    from grader import expr

    rng = random.Random(seed)
    names = expr.Names(scalars=tuple(problem.variables))
    whole = [expr.parse(text, names) for text in problem.integral]
    apart = [expr.parse(text, names) for text in problem.distinct]
    for _ in range(MAX_TRIES):
        values = {name: rng.randint(int(low), int(high)) for name, (low, high) in problem.variables.items()}
        env = {k: float(v) for k, v in values.items()}
        if not all(_is_whole(expr.evaluate(node, env)) for node in whole):
            continue
        seen = [round(float(expr.evaluate(node, env)), 9) for node in apart]
        if len(set(seen)) == len(seen):
            return values
    raise ValueError(f"problem '{problem.id}': no draw satisfies its integral constraints")


def _is_whole(value) -> bool:
    try:
        return abs(float(value) - round(float(value))) < 1e-9
    except (TypeError, ValueError, OverflowError):
        return False


def render(text: str, values: dict) -> str:
    """Fill {name} and {expression} placeholders with the drawn values; other braces stay as they are."""
    if not values:
        return text
    out = []
    try:
        pieces = list(string.Formatter().parse(text))
    except ValueError:  # unbalanced braces: not a template
        return text
    for literal, field, spec, conv in pieces:
        out.append(literal)
        if field is None:
            continue
        if field in values:
            out.append(format(values[field], spec or ""))
            continue
        try:
            out.append(format(value_of(field, values), spec or ".12g"))
        except Exception:  # noqa: BLE001 - not an expression of the variables: keep it verbatim
            out.append("{" + field + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}")
    return "".join(out)


def value_of(text: str | float, values: dict) -> float:
    """A catalog number that may be an expression of the problem's variables (e.g. '(H + 2*P - FH)/S + 1')."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    from grader import expr

    node = expr.parse(str(text), expr.Names(scalars=tuple(values)))
    return float(expr.evaluate(node, {k: float(v) for k, v in values.items()}))
