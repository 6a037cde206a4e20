"""`drill dev check`: what a maintainer must keep true of the catalog before it ships."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from grader.errors import CatalogError

if TYPE_CHECKING:
    from grader.catalog import Catalog, Problem
    from grader.results import ProblemResult
    from grader.workspace import Workspace

IGNORED = ("__pycache__", ".ipynb_checkpoints")


def _files_under(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {
        str(p.relative_to(folder.parent))
        for p in folder.rglob("*")
        if p.is_file() and not any(part in IGNORED for part in p.parts) and p.suffix != ".pyc"
    }


def grade_file(workspace: Workspace, problem: Problem, path: Path) -> ProblemResult:
    """Grade the stub or solution at `path` as if it were the learner's (English messages). A
    parametric problem's solution writes its answers as {expressions} of the variables: they are
    rendered with the numbers of its default seed, in memory."""
    from grader import grading
    from grader.params import default_seed, draw, render
    from grader.submission import Answers, Submission, Unreadable, read_learner_file, submission_from_file

    label = workspace.relative(path)
    submission: Submission
    values = draw(problem, default_seed(problem.id)) if problem.variables else None
    if values is not None:
        text = read_learner_file(path, label, problem.id, "en", answers_too=True)
        if isinstance(text, Unreadable):
            return grading.grade(problem, text, lang="en", values=values)
        from grader.answers import merge, parse_file

        submission = Answers(merge(problem, parse_file(render(text, values)), ()), label)
        return grading.grade(problem, submission, lang="en", values=values)
    submission = submission_from_file(problem, path, label, "en")
    return grading.grade(problem, submission, lang="en", values=values)


def static_offenders(workspace: Workspace, catalog: Catalog) -> list[str]:
    """Problems that need no grading to find: files, hints, hidden modules, stray files."""
    from grader import grading

    root = workspace.root
    offenders: list[str] = []
    referenced: set[str] = set()
    for problem in catalog.problems:
        referenced.update({problem.file, problem.solution})
        for label, rel in (("file", problem.file), ("solution", problem.solution)):
            if not (root / rel).is_file():
                offenders.append(f"{problem.id}: {label} {rel} does not exist")
        if Path(problem.file).suffix != Path(problem.solution).suffix:
            offenders.append(f"{problem.id}: file and solution have different kinds of file")
        if len(problem.hints) < 2:
            offenders.append(f"{problem.id}: hints has fewer than 2 tiers")
        if problem.is_code:
            try:
                grading.hidden_checks(problem)
            except CatalogError as exc:
                offenders.append(str(exc))
    for stray in sorted((_files_under(root / "exercises") | _files_under(root / "solutions")) - referenced):
        offenders.append(f"stray file {stray}: no problem refers to it")
    return offenders


def run(workspace: Workspace, catalog: Catalog) -> list[str]:
    """Every offender as one line; empty when the catalog is sound."""
    offenders = static_offenders(workspace, catalog)
    broken = {line.split(":")[0] for line in offenders}
    for problem in catalog.problems:
        if problem.id in broken:
            continue
        stub = grade_file(workspace, problem, workspace.root / problem.file)
        if stub.status == "pass":
            offenders.append(f"{problem.id}: the stub {problem.file} passes its checks")
        solution = grade_file(workspace, problem, workspace.root / problem.solution)
        if solution.status != "pass":
            bad = "; ".join(
                f"{c.name}: {c.message.splitlines()[0] if c.message else c.status}"
                for c in solution.checks
                if c.status != "pass"
            )
            offenders.append(f"{problem.id}: the solution {problem.solution} does not pass ({bad or solution.message})")
    return offenders
