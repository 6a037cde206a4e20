"""`drill dev check`: what a maintainer must keep true of the catalog before it ships."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def run(workspace: Workspace, catalog: Catalog, jobs: int = 2) -> list[str]:
    """Every offender as one line, in catalog order; empty when the catalog is sound. The stubs and
    solutions are graded `jobs` problems at a time, in worker processes (each grade forks its sandbox
    from there, as `drill grade` does)."""
    offenders = static_offenders(workspace, catalog)
    broken = {line.split(":")[0] for line in offenders}
    jobs_list = [(workspace, p) for p in catalog.problems if p.id not in broken]
    if jobs <= 1:
        for job in jobs_list:
            offenders += _graded_offenders(job)
        return offenders
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for lines in pool.map(_graded_offenders, jobs_list, chunksize=4):
            offenders += lines
    return offenders


def _graded_offenders(job: tuple[Workspace, Problem]) -> list[str]:
    """What grading one problem's stub and solution finds wrong (in a worker process, or here)."""
    workspace, problem = job
    offenders = []
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


def coverage_gaps(workspace: Workspace, catalog: Catalog, ids: tuple[str, ...] = ()) -> list[str]:
    """`drill dev check --coverage`: each code problem's reference solution run on its hidden cases
    (the cases `drill grade` draws, every check's probe) under coverage.py with branch coverage; one
    line per solution with lines or branches no case reaches. The solution runs in this process: it
    is the maintainer's own code, not a learner's."""
    try:
        import coverage
    except ImportError:  # the test extras bring it
        raise CatalogError(
            "drill dev check --coverage needs coverage.py: python -m pip install 'coverage>=7.4' "
            "(or the test extras: python -m pip install '.[test]')"
        ) from None
    gaps = []
    for problem in catalog.problems:
        if problem.is_code and (not ids or problem.id in ids):
            gap = _uncovered(coverage, workspace.root / problem.solution, problem)
            if gap:
                gaps.append(f"{problem.id}: {problem.solution}: {gap}")
    return gaps


def _uncovered(coverage: Any, path: Path, problem: Problem) -> str:
    """'lines 12, 14; branches 10->12, 20->exit' that the hidden cases never reach, or ''."""
    import json
    import os
    import sys
    import tempfile
    import types

    import numpy as np

    from grader import grading
    from grader.checks.cases import copy_case

    checks = grading.hidden_checks(problem)
    cov = coverage.Coverage(branch=True, data_file=None, include=[str(path)], config_file=False)
    module = types.ModuleType("learner")
    module.__file__ = str(path)
    saved = sys.modules.get("learner")
    sys.modules["learner"] = module
    cov.start()
    try:
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), module.__dict__)
        for spec in problem.checks:
            check = checks[spec.name]
            cases = check.draw(np.random.default_rng(grading.seed_for(problem.id, spec.name)))
            try:
                check.probe(module, [copy_case(case) if isinstance(case, dict) else case for case in cases])
            except Exception:  # noqa: BLE001, S112 - a failing solution is dev check's to report; measure the rest
                continue
    finally:
        cov.stop()
        if saved is None:
            sys.modules.pop("learner", None)
        else:
            sys.modules["learner"] = saved
    handle, report = tempfile.mkstemp(suffix=".json")
    os.close(handle)
    try:
        cov.json_report(outfile=report)
        files = json.loads(Path(report).read_text(encoding="utf-8"))["files"]
    finally:
        os.unlink(report)
    found = next(iter(files.values()), None)
    if found is None:
        return ""
    lines = found["missing_lines"]
    branches = [f"{a}->{b if b > 0 else 'exit'}" for a, b in found.get("missing_branches", [])]
    said = []
    if lines:
        said.append("lines " + ", ".join(map(str, lines)))
    if branches:
        said.append("branches " + ", ".join(branches))
    return "; ".join(said)
