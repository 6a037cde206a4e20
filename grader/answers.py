"""Answers to symbolic / choice / numeric problems: from the answer file and from --answer."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from grader.errors import UsageError
from grader.expr import normalise
from grader.texts import Text

if TYPE_CHECKING:
    from grader.catalog import Problem

KEY_LINE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*[=:]\s*(.*?)\s*$")
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
        line = normalise(line)  # not bare NFKC: that turns x² into x2 before the reader sees ^2
        if line.lstrip().startswith("#"):
            continue
        match = KEY_LINE.match(line)
        if match:
            answers[match.group(1)] = match.group(2)
    return answers


def is_blank(value: str | None) -> bool:
    """True for an answer not written yet (empty or a TODO marker)."""
    return value is None or value.strip().lower() in TODO


def merge(problem: Problem, from_file: dict[str, str], given: tuple[str, ...]) -> dict[str, str]:
    """The file's answers overridden by each --answer [KEY=]EXPR; unknown keys are a usage error."""
    parts = problem.parts
    answers = {k: v for k, v in from_file.items() if k in parts}
    for item in given:
        text = normalise(item)
        match = re.match(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)(.*)$", text)
        if match and match.group(1) in parts:
            answers[match.group(1)] = match.group(2).strip()
        elif match and len(parts) > 1:
            raise UsageError(
                Text(
                    "'{id}' に小問 '{part}' はありません。小問は {parts} です。--answer KEY=EXPR の"
                    "形で書いてください。",
                    "'{id}' has no part '{part}'; its parts are {parts}. Use --answer KEY=EXPR.",
                ).fill(id=problem.id, part=match.group(1), parts=", ".join(parts))
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
