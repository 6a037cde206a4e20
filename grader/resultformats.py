"""A graded submission (grader/autograde.py) in the result format of a course's engine.

- drill: ours, every problem as `drill grade --json` gives it, plus its file and numbers;
- gradescope: Gradescope's autograder results.json: score, output, tests[] (score, max_score, status,
  name, number, output, visibility);
- prairielearn: PrairieLearn's external grader results.json: gradable, score in [0, 1], tests[]
  (points, max_points);
- exercism: exercism's test runner interface, version 3: status, message, tests[] in order (message,
  output of at most 500 characters, task_id);
- classroom: GitHub Classroom's autograding runner result: version, status, max_score, tests[] (score).

A check of a problem is one test everywhere: named "<problem>: <check>". `write(path, data)` replaces
the results file atomically, so a reader never sees half of one. cli.py imports FORMATS from here:
the module's own imports are kept light.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from grader.texts import Text

if TYPE_CHECKING:
    from grader.course import Graded, SubmissionResult

FORMATS = ("drill", "gradescope", "prairielearn", "exercism", "classroom")
EXERCISM_OUTPUT_CAP = 500
EXERCISM_TRUNCATED = "Output was truncated. Please limit to 500 chars"
# what PrairieLearn calls an ungradable submission: nothing was wrong yet, it could not be read
UNGRADABLE = {"syntax", "answer", "encoding", "unreadable", "directory", "outside", "too_large"}

DIAGNOSIS = Text("診断", "diagnosis")
PRINTED = Text("あなたのコードの出力", "what your code printed")
STATUS = {
    "pass": Text("合格", "pass"),
    "fail": Text("不合格", "fail"),
    "error": Text("エラー", "error"),
}
LINE = Text("{id}: {score}/{max} 点 — {status}", "{id}: {score}/{max} points — {status}")
WHY = Text("（{message}）", " ({message})")
TOTAL = Text("合計: {score}/{max} 点", "total: {score}/{max} points")


def _num(x: float) -> str:
    return f"{x:g}"


def _test_name(graded: Graded, check) -> str:
    return f"{graded.problem.id}: {check.name}"


def _feedback(check, lang: str, with_output: bool = True) -> str:
    """What a check says: its finding, the likely mistake, and what the learner's code printed."""
    text = check.message
    if check.diagnosis:
        text += f"\n→ {DIAGNOSIS.get(lang)}: {check.diagnosis}"
    if with_output and check.output:
        text += f"\n--- {PRINTED.get(lang)} ---\n{check.output}"
    return text


def summary(result: SubmissionResult) -> str:
    """One line per problem, then the total (or drill's error), in the submission's language."""
    lang = result.lang
    if result.error is not None:
        return result.error
    lines = [
        LINE.format(
            lang,
            id=g.problem.id,
            score=_num(g.result.score),
            max=_num(g.result.max_score),
            status=STATUS[g.result.status].get(lang),
        )
        + (WHY.format(lang, message=g.result.message) if g.result.status != "pass" else "")
        for g in result.graded
    ]
    lines.append(TOTAL.format(lang, score=_num(result.score), max=_num(result.max_score)))
    return "\n".join(lines)


def to_drill(result: SubmissionResult) -> dict:
    from grader import __version__

    problems = []
    for g in result.graded:
        data = g.result.to_json()
        data["file"] = g.file
        data["values"] = g.values
        problems.append(data)
    return {
        "format": "drill-results",
        "version": 1,
        "drill": __version__,
        "submission_id": result.submission_id,
        "status": result.status,
        "score": result.score,
        "max_score": result.max_score,
        "message": summary(result),
        "duration_s": round(result.duration_s, 3),
        "problems": problems,
    }


def to_gradescope(result: SubmissionResult, after_due: frozenset[str] = frozenset()) -> dict:
    """Gradescope's results.json. A check named in `after_due` ("<problem>" or "<problem>/<check>")
    is shown to the learner only after the due date."""
    from grader import __version__

    tests = []
    for i, g in enumerate(result.graded, start=1):
        for j, check in enumerate(g.result.checks, start=1):
            hidden = g.problem.id in after_due or f"{g.problem.id}/{check.name}" in after_due
            tests.append(
                {
                    "name": _test_name(g, check),
                    "number": f"{i}.{j}",
                    "score": check.points,
                    "max_score": check.max_points,
                    "status": "passed" if check.status == "pass" else "failed",
                    "output": _feedback(check, result.lang),
                    "visibility": "after_due_date" if hidden else "visible",
                }
            )
    return {
        "score": result.score,
        "execution_time": round(result.duration_s),
        "output": summary(result),
        "tests": tests,
        "extra_data": {"drill": __version__, "submission_id": result.submission_id, "status": result.status},
    }


def to_prairielearn(result: SubmissionResult) -> dict:
    """PrairieLearn's results.json: a syntax error or an answer that cannot be read is not gradable
    (no attempt is used up); a timeout is gradable and scores 0 for the checks it stopped."""
    errors = [g.result.message for g in result.graded if g.result.reason in UNGRADABLE]
    if result.error is not None:
        errors.insert(0, result.error)
    tests = [
        {
            "name": _test_name(g, check),
            "description": g.problem.title.get(result.lang),
            "points": check.points,
            "max_points": check.max_points,
            "message": _feedback(check, result.lang, with_output=False),
            "output": check.output,
        }
        for g in result.graded
        for check in g.result.checks
    ]
    data: dict = {
        "gradable": not errors,
        "score": result.score / result.max_score if result.max_score else 0.0,
        "message": summary(result),
        "tests": tests,
    }
    if errors:
        data["format_errors"] = errors
    return data


def _cap(text: str, cap: int = EXERCISM_OUTPUT_CAP) -> str:
    if len(text) <= cap:
        return text
    return text[: cap - len(EXERCISM_TRUNCATED) - 1] + "\n" + EXERCISM_TRUNCATED


def to_exercism(result: SubmissionResult) -> dict:
    """exercism's results.json, version 3: a test per check in catalog order, each problem a task."""
    status = result.status
    data: dict = {"version": 3, "status": status, "message": summary(result) if status == "error" else None}
    if status == "error" and result.error is not None:
        return data
    tests = []
    for task_id, g in enumerate(result.graded, start=1):
        for check in g.result.checks:
            test = {
                "name": _test_name(g, check),
                "status": check.status,
                "message": None if check.status == "pass" else _feedback(check, result.lang, with_output=False),
                "test_code": f"drill grade {g.problem.id}  # {check.name}",
                "task_id": task_id,
            }
            if check.output:
                test["output"] = _cap(check.output)
            tests.append(test)
    data["tests"] = tests
    return data


def to_classroom(result: SubmissionResult) -> dict:
    """The result a GitHub Classroom autograding runner hands to the grading reporter."""
    tests = [
        {
            "name": _test_name(g, check),
            "status": check.status,
            "score": check.points,
            "message": _feedback(check, result.lang),
            "test_code": f"drill grade {g.problem.id}",
            "filename": g.file,
        }
        for g in result.graded
        for check in g.result.checks
    ]
    if result.error is not None:  # the reporter shows only the tests' messages
        tests = [{"name": "drill", "status": "error", "score": 0, "message": result.error}]
    return {"version": 1, "status": result.status, "max_score": result.max_score, "tests": tests}


def render(result: SubmissionResult, fmt: str, after_due: frozenset[str] = frozenset()) -> dict:
    if fmt == "gradescope":
        return to_gradescope(result, after_due)
    makers: dict[str, Callable[[SubmissionResult], dict]] = {
        "drill": to_drill,
        "prairielearn": to_prairielearn,
        "exercism": to_exercism,
        "classroom": to_classroom,
    }
    return makers[fmt](result)


def dumps(data: dict) -> bytes:
    """The results file's bytes: UTF-8 JSON, keys in the order built, ending in a newline."""
    import json

    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write(path: Path, data: dict) -> None:
    """Write the results file at `path` atomically: a temporary file beside it, then a rename."""
    import os
    import tempfile

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(handle, 0o644)  # mkstemp's 0600 would hide it from the engine's uploader
        with os.fdopen(handle, "wb") as fh:
            fh.write(dumps(data))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
