"""Course mode: one learner's submission folder graded for a course's engine, with no history.

`grade_submission(root, problem_ids, submission_id, lang)` finds each problem's file in the
submission (the workspace layout `exercises/<topic>/<file>`, or the file's bare name at the top, as
an upload gives it), reads it without following a link out of the folder, grades it with the one
grading entry (grader/grading.py) and returns a `SubmissionResult`. A parametric problem's numbers
are drawn from the submission id, so a regrade shows the same numbers. The catalog is always the
installed course's: a problems.yaml inside the submission is the learner's and is never read.
Nothing here writes a file; grader/resultformats.py turns the result into a course engine's JSON.
"""

from __future__ import annotations

import os
import stat
import time
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from grader.results import ERROR, CheckResult, ProblemResult, summarise
from grader.texts import Text

if TYPE_CHECKING:
    from grader.catalog import Catalog, Problem
    from grader.submission import Submission

INTERNAL = Text("drill の内部エラーで採点できませんでした: {err}", "drill failed to grade this: {err}")
NOT_REGULAR = Text("通常のファイルではありません", "not a regular file")


@dataclass(frozen=True)
class Graded:
    """One problem of a submission: its result, the numbers it was graded with, the file's path
    inside the submission (as the learner named it), and the problem itself."""

    problem: Problem
    result: ProblemResult
    values: dict | None
    file: str


@dataclass(frozen=True)
class SubmissionResult:
    """A whole submission: every problem asked, in the order asked, or why nothing was graded."""

    submission_id: str
    graded: tuple[Graded, ...]
    error: str | None  # drill itself could not grade the submission (a bad problem id, a broken install)
    duration_s: float
    lang: str

    @property
    def score(self) -> float:
        return sum(g.result.score for g in self.graded)

    @property
    def max_score(self) -> float:
        return sum(g.result.max_score for g in self.graded)

    @property
    def status(self) -> str:
        """pass when every problem passed; error when drill failed or no problem could be judged."""
        if self.error is not None or not self.graded or all(g.result.status == ERROR for g in self.graded):
            return ERROR
        return "pass" if all(g.result.status == "pass" for g in self.graded) else "fail"


def course_catalog() -> Catalog:
    """The installed course's catalog (never a submission's own problems.yaml)."""
    from grader import catalog, workspace

    return catalog.load(workspace.course_dir() / workspace.CATALOG)


def seed_for(submission_id: str, problem_id: str) -> int:
    """The seed of a parametric problem's numbers in this submission: stable per (submission, problem)."""
    return zlib.crc32(f"{submission_id}/{problem_id}".encode())


def locate(problem: Problem, root: Path) -> Path:
    """Where `problem`'s file is in the submission at `root`: the workspace layout first, then the bare
    file name at the top (the workspace path when neither exists, so the message names it)."""
    layout = root / problem.file
    bare = root / PurePosixPath(problem.file).name
    for candidate in (layout, bare):
        if os.path.lexists(candidate):
            return candidate
    return layout


def problems_in(root: Path, catalog: Catalog) -> list[str]:
    """The problems whose file the submission at `root` holds, in catalog order."""
    return [p.id for p in catalog.problems if os.path.lexists(locate(p, root))]


def read_submission(problem: Problem, root: Path, lang: str) -> tuple[Submission, str]:
    """What the submission at `root` submits for `problem`, and its path inside the submission."""
    from grader import submission as sub

    path = locate(problem, root)
    label = path.relative_to(root).as_posix()
    if not os.path.lexists(path):
        return sub.not_read("not_submitted", label, lang, name=path.name), label
    inside = root.resolve()
    real = path.resolve()
    if real != inside and inside not in real.parents:
        return sub.not_read("outside", label, lang), label
    try:
        mode = os.stat(real).st_mode
    except OSError:  # a dangling link: the read below says so
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):  # a FIFO would block the read
        return sub.not_read("unreadable", label, lang, why=NOT_REGULAR.get(lang)), label
    return sub.submission_from_file(problem, path, label, lang), label


def _internal_error(problem: Problem, exc: BaseException, lang: str) -> ProblemResult:
    message = INTERNAL.format(lang, err=f"{type(exc).__name__}: {exc}")
    checks = [CheckResult(spec.name, ERROR, 0, spec.points, message) for spec in problem.checks]
    return summarise(problem.id, checks, 0.0, lang, message, reason="internal")


def grade_problem(problem: Problem, root: Path, submission_id: str, lang: str) -> Graded:
    """One problem of the submission, graded; a failure of drill itself gives an error result."""
    from grader import grading
    from grader.params import draw

    values = draw(problem, seed_for(submission_id, problem.id)) if problem.variables else None
    label = PurePosixPath(problem.file).as_posix()
    try:
        submission, label = read_submission(problem, root, lang)
        result = grading.grade(problem, submission, lang=lang, values=values)
    except Exception as exc:  # noqa: BLE001 - one problem's failure must not lose the others
        result = _internal_error(problem, exc, lang)
    return Graded(problem, result, values, label)


NOT_A_FOLDER = Text("提出 {root} はフォルダではありません", "the submission {root} is not a folder")
NOTHING_FOUND = Text(
    "提出 {root} には drill の問題のファイルがありません（--problems で問題を指定できます）",
    "the submission {root} holds no file of a drill problem (name the problems with --problems)",
)


def grade_submission(
    root: Path, problem_ids: list[str], submission_id: str, lang: str, catalog: Catalog | None = None
) -> SubmissionResult:
    """Grade the problems `problem_ids` (every one, in this order; none: those whose files the
    submission holds) of the submission at `root`. Raises DrillError when nothing can be graded."""
    from grader.errors import UsageError

    started = time.monotonic()
    root = Path(root)
    if not root.is_dir():
        raise UsageError(NOT_A_FOLDER.fill(root=root))
    catalog = catalog if catalog is not None else course_catalog()
    problem_ids = problem_ids or problems_in(root, catalog)
    if not problem_ids:
        raise UsageError(NOTHING_FOUND.fill(root=root))
    problems = [catalog.get(i) for i in problem_ids]
    unknown = [i for i, p in zip(problem_ids, problems) if p is None]
    if unknown:  # the session names the likeliest id; this is for other callers
        raise UsageError(Text("不明な問題: {ids}", "unknown problems: {ids}").fill(ids=", ".join(unknown)))
    graded = tuple(grade_problem(p, root, submission_id, lang) for p in problems if p is not None)
    return SubmissionResult(submission_id, graded, None, time.monotonic() - started, lang)


def failed(submission_id: str, message: str, lang: str) -> SubmissionResult:
    """The result when drill could not grade the submission at all: status error, and why."""
    return SubmissionResult(submission_id, (), message, 0.0, lang)
