"""Grading from a Jupyter notebook: `from grader import grade; grade("affine_backward", Affine)`.

The source of the classes and functions passed in is extracted with inspect and graded by the same
isolated runner as `drill grade`; the live objects never run in the notebook's process.
"""
from __future__ import annotations

import html
import inspect
import tempfile
import textwrap
from pathlib import Path

PRELUDE = "import numpy as np\n\n"


class NotebookResult:
    """A ProblemResult with a scorecard for Jupyter (`_repr_html_`) and for print()."""

    def __init__(self, result, lang: str, recorded: bool):
        self.result = result
        self.lang = lang
        self.recorded = recorded

    def __getattr__(self, name):
        return getattr(self.result, name)

    def __repr__(self) -> str:
        from grader import report

        return report.scorecard(self.result, self.lang)

    def _repr_html_(self) -> str:
        colours = {"pass": "#1a7f37", "fail": "#cf222e", "error": "#9a6700"}
        rows = []
        for check in self.result.checks:
            message = html.escape(check.message).replace("\n", "<br>")
            if check.diagnosis:
                message += f"<br><b>→ {html.escape(check.diagnosis)}</b>"
            rows.append(f"<tr><td>{html.escape(check.name)}</td>"
                        f"<td style='color:{colours[check.status]}'>{check.status}</td>"
                        f"<td>{check.points:g}/{check.max_points:g}</td><td style='text-align:left'>{message}</td></tr>")
        r = self.result
        summary = (f"<b>{html.escape(r.problem)}: {r.score:g}/{r.max_score:g} points — "
                   f"<span style='color:{colours[r.status]}'>{r.status.upper()}</span></b>")
        return (f"<table><thead><tr><th>check</th><th>result</th><th>points</th><th>message</th></tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table><p>{summary}</p>")


def source_of(objects) -> str:
    """The source text of the given classes / functions, dedented, numpy imported first."""
    from grader.errors import UsageError

    parts = [PRELUDE]
    for obj in objects:
        try:
            parts.append(textwrap.dedent(inspect.getsource(obj)))
        except (TypeError, OSError):
            name = getattr(obj, "__name__", type(obj).__name__)
            raise UsageError(f"cannot find the source of {name}: pass a class or function defined in a cell") from None
    return "\n\n".join(parts)


def grade(problem_id: str, *objects, workspace: str | None = None, lang: str | None = None) -> NotebookResult:
    """Grade classes / functions defined in a notebook as the answer to `problem_id`."""
    from grader import catalog as catalog_mod
    from grader import grading
    from grader import workspace as workspace_mod
    from grader.errors import UnknownProblem, WorkspaceError
    from grader.history import History
    from grader.options import default_lang

    lang = lang or default_lang()
    try:
        ws = workspace_mod.find(workspace)
    except WorkspaceError:
        if workspace:
            raise
        ws = None
    catalog_path = ws.catalog_path if ws else workspace_mod.course_dir() / workspace_mod.CATALOG
    problem = catalog_mod.load(catalog_path).get(problem_id)
    if problem is None:
        raise UnknownProblem(f"unknown problem '{problem_id}'. (drill list)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(problem.file).name
        if problem.is_code:
            path.write_text(source_of(objects), encoding="utf-8")
            result = grading.grade_code(problem, path, lang)
        else:
            answers = tuple(str(a) for a in objects)
            result = grading.grade_answer_problem(ws or workspace_mod.Workspace(Path(tmp)), problem, lang,
                                                  answers, path)
    recorded = False
    if ws is not None:
        history = History.open(ws.history_path)
        if history.usable:
            history.record_attempt(result, None)
            recorded = True
        history.close()
    return NotebookResult(result, lang, recorded)
