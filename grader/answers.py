"""Answers to symbolic / choice / numeric problems: from the answer file and from --answer."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from grader.errors import UsageError
from grader.texts import Text

if TYPE_CHECKING:
    from grader.catalog import Problem

KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
FENCE_OPEN = re.compile(r"^\s*```\s*answer\s*$")
TODO = {"", "todo", "?", "..."}


def parse_file(text: str) -> dict[str, str]:
    """Key = value lines inside the ```answer block (or anywhere, when the file has no such block)."""
    lines = text.splitlines()
    inside = [i for i, line in enumerate(lines) if FENCE_OPEN.match(line)]
    if inside:
        body = []
        for line in lines[inside[0] + 1 :]:
            if line.strip().startswith("```"):
                break
            body.append(line)
    else:
        body = lines
    answers: dict[str, str] = {}
    for line in body:
        if unicodedata.normalize("NFKC", line).lstrip().startswith("#"):
            continue
        found = key_and_answer(line, "=＝:：")
        if found:
            answers[found[0]] = found[1]
    return answers


def key_and_answer(line: str, separators: str) -> tuple[str, str] | None:
    """(key, the answer as typed) of `key = answer` (the key may be typed full width), else None.
    The answer is left as typed, so that an error points into what the learner wrote."""
    for i, char in enumerate(line):
        if char in separators:
            key = unicodedata.normalize("NFKC", line[:i]).strip()
            rest = line[i + 1 :]
            if not KEY.fullmatch(key) or (char in "=＝" and rest[:1] in ("=", "＝")):
                return None
            return key, rest.strip()
    return None


def is_blank(value: str | None) -> bool:
    """True for an answer not written yet (empty or a TODO marker)."""
    return value is None or value.strip().lower() in TODO


def merge(problem: Problem, from_file: dict[str, str], given: tuple[str, ...]) -> dict[str, str]:
    """The file's answers overridden by each --answer [KEY=]EXPR; unknown keys are a usage error."""
    parts = problem.parts
    answers = {k: v for k, v in from_file.items() if k in parts}
    for item in given:
        text = item
        found = key_and_answer(item, "=＝")
        if found and found[0] in parts:
            answers[found[0]] = found[1]
        elif found and len(parts) > 1:
            raise UsageError(
                Text(
                    "'{id}' に小問 '{part}' はありません。小問は {parts} です。--answer KEY=EXPR の"
                    "形で書いてください。",
                    "'{id}' has no part '{part}'; its parts are {parts}. Use --answer KEY=EXPR.",
                ).fill(id=problem.id, part=found[0], parts=", ".join(parts))
            )
        elif len(parts) == 1:
            answers[parts[0]] = text.strip()
        else:
            raise UsageError(
                Text(
                    "'{id}' の小問は {parts} です。--answer KEY=EXPR の形で書いてください"
                    "（例: --answer '{first}=…'）。",
                    "'{id}' has parts {parts}: write --answer KEY=EXPR (e.g. --answer '{first}=…').",
                ).fill(id=problem.id, parts=", ".join(parts), first=parts[0])
            )
    return answers
