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
from collections.abc import Mapping
from dataclasses import dataclass, field
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


def locate(problem: Problem, root: Path, files: Mapping[str, str] | None = None) -> Path:
    """Where `problem`'s file is in the submission at `root`: where the course config's `files` puts it,
    else the workspace layout, then the bare file name at the top (the workspace path when neither
    exists, so the message names it)."""
    if files and problem.id in files:
        return root / files[problem.id]
    layout = root / problem.file
    bare = root / PurePosixPath(problem.file).name
    for candidate in (layout, bare):
        if os.path.lexists(candidate):
            return candidate
    return layout


def problems_in(root: Path, catalog: Catalog, files: Mapping[str, str] | None = None) -> list[str]:
    """The problems whose file the submission at `root` holds, in catalog order."""
    return [p.id for p in catalog.problems if os.path.lexists(locate(p, root, files))]


def read_submission(
    problem: Problem, root: Path, lang: str, files: Mapping[str, str] | None = None
) -> tuple[Submission, str]:
    """What the submission at `root` submits for `problem`, and its path inside the submission."""
    from grader import submission as sub

    path = locate(problem, root, files)
    label = os.path.relpath(path, root).replace(os.sep, "/")
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


def grade_problem(
    problem: Problem, root: Path, submission_id: str, lang: str, files: Mapping[str, str] | None = None
) -> Graded:
    """One problem of the submission, graded; a failure of drill itself gives an error result."""
    from grader import grading
    from grader.params import draw

    values = draw(problem, seed_for(submission_id, problem.id)) if problem.variables else None
    label = PurePosixPath(problem.file).as_posix()
    try:
        submission, label = read_submission(problem, root, lang, files)
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
    root: Path,
    problem_ids: list[str],
    submission_id: str,
    lang: str,
    catalog: Catalog | None = None,
    files: Mapping[str, str] | None = None,
) -> SubmissionResult:
    """Grade the problems `problem_ids` (every one, in this order; none: those whose files the
    submission holds) of the submission at `root`. Raises DrillError when nothing can be graded."""
    from grader.errors import UsageError

    started = time.monotonic()
    root = Path(root)
    if not root.is_dir():
        raise UsageError(NOT_A_FOLDER.fill(root=root))
    catalog = catalog if catalog is not None else course_catalog()
    problem_ids = problem_ids or problems_in(root, catalog, files)
    if not problem_ids:
        raise UsageError(NOTHING_FOUND.fill(root=root))
    problems = [catalog.get(i) for i in problem_ids]
    unknown = [i for i, p in zip(problem_ids, problems) if p is None]
    if unknown:  # the session names the likeliest id; this is for other callers
        raise UsageError(Text("不明な問題: {ids}", "unknown problems: {ids}").fill(ids=", ".join(unknown)))
    graded = tuple(grade_problem(p, root, submission_id, lang, files) for p in problems if p is not None)
    return SubmissionResult(submission_id, graded, None, time.monotonic() - started, lang)


def failed(submission_id: str, message: str, lang: str) -> SubmissionResult:
    """The result when drill could not grade the submission at all: status error, and why."""
    return SubmissionResult(submission_id, (), message, 0.0, lang)


# -- the course config: what a course grades, and where its learners' files are

BAD_CONFIG = Text("コースの設定 {file}: {why}", "the course config {file}: {why}")


@dataclass(frozen=True)
class CourseConfig:
    """`--config FILE` (YAML): `problems:` (ids, in order), `files:` (id -> path inside a submission),
    `after_due:` (Gradescope: checks shown after the due date). Each is optional."""

    problems: tuple[str, ...] = ()
    files: dict = field(default_factory=dict)
    after_due: tuple[str, ...] = ()


def load_config(path: Path | None) -> CourseConfig:
    """The course config at `path` (an empty one for None); UsageError naming what is wrong."""
    from grader.errors import UsageError

    if path is None:
        return CourseConfig()
    import yaml

    def bad(why: str | Text) -> UsageError:
        return UsageError(BAD_CONFIG.fill(file=path, why=why))

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise bad(exc.strerror or str(exc)) from None
    except yaml.YAMLError as exc:
        raise bad(str(exc).splitlines()[0]) from None
    if not isinstance(data, dict) or set(data) - {"problems", "files", "after_due"}:
        raise bad(Text("使えるキーは problems、files、after_due です", "its keys are problems, files and after_due"))
    problems, files, after_due = data.get("problems") or [], data.get("files") or {}, data.get("after_due") or []
    if not (isinstance(problems, list) and all(isinstance(p, str) for p in problems)):
        raise bad(Text("problems は問題 ID のリストです", "problems is a list of problem ids"))
    if not (isinstance(files, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in files.items())):
        raise bad(Text("files は 問題 ID: パス の対応です", "files maps problem ids to paths"))
    for rel in files.values():
        if Path(rel).is_absolute() or ".." in Path(rel).parts:
            raise bad(
                Text("files のパスは提出の中です: {rel}", "a path in files stays inside the submission: {rel}").fill(
                    rel=rel
                )
            )
    if not (isinstance(after_due, list) and all(isinstance(a, str) for a in after_due)):
        raise bad(Text("after_due は ID または ID/チェック のリストです", "after_due is a list of ID or ID/CHECK"))
    return CourseConfig(tuple(problems), dict(files), tuple(after_due))
