"""Grading from a Jupyter notebook: `from grader import grade; grade("affine_backward", Affine)`.

The source of the classes and functions passed in is extracted with inspect and graded by the same
isolated runner as `drill grade`; the live objects never run in the notebook's process.
"""

from __future__ import annotations

import inspect
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from grader.results import ProblemResult

PRELUDE = "import numpy as np\n\n"


class NotebookResult:
    """A ProblemResult with a scorecard for Jupyter (`_repr_html_`) and for print()."""

    def __init__(self, result: ProblemResult, lang: str, recorded: bool):
        self.result = result
        self.lang = lang
        self.recorded = recorded

    def __getattr__(self, name: str) -> Any:
        return getattr(self.result, name)

    def __repr__(self) -> str:
        from grader import report

        return report.scorecard(self.result, self.lang)

    def _repr_html_(self) -> str:
        from grader import report

        return report.scorecard_html(self.result, self.lang, self.recorded)


def source_of(objects: Iterable[Any]) -> str:
    """The source text of the given classes / functions, dedented, numpy imported first."""
    from grader.errors import UsageError
    from grader.texts import Text

    parts = [PRELUDE]
    for obj in objects:
        try:
            parts.append(textwrap.dedent(inspect.getsource(obj)))
        except (TypeError, OSError):
            name = getattr(obj, "__name__", type(obj).__name__)
            raise UsageError(
                Text(
                    "{name} のソースが見つかりません。セルで定義したクラスか関数を渡してください",
                    "cannot find the source of {name}: pass a class or function defined in a cell",
                ).fill(name=name)
            ) from None
    return "\n\n".join(parts)


def grade(problem_id: str, *objects: object, workspace: str | None = None, lang: str | None = None) -> NotebookResult:
    """Grade classes / functions defined in a notebook (or, for an answer problem, answer strings)
    as the answer to `problem_id`, through the same session as `drill grade`: recorded and reviewed
    in the workspace (when there is one)."""
    from grader.answers import merge
    from grader.options import default_lang
    from grader.session import Session
    from grader.submission import Answers, Code

    session = Session.for_notebook(lang or default_lang(), workspace)
    problem = session.problem(problem_id)
    submission: Code | Answers
    if problem.is_code:
        submission = Code(source_of(objects), Path("<cell>"))
    else:
        submission = Answers(merge(problem, {}, tuple(str(a) for a in objects)), None)
    result = session.attempt(problem, submission=submission)
    return NotebookResult(result, session.lang, session.history.usable)
