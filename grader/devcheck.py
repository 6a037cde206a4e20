"""`drill dev check`: what a maintainer must keep true of the catalog before it ships."""
from __future__ import annotations

from pathlib import Path

from grader.errors import CatalogError

IGNORED = ("__pycache__", ".ipynb_checkpoints")


def _files_under(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {str(p.relative_to(folder.parent)) for p in folder.rglob("*")
            if p.is_file() and not any(part in IGNORED for part in p.parts) and p.suffix != ".pyc"}


def grade_path(workspace, problem, path: Path):
    """Grade the file at `path` as if it were the learner's (English messages)."""
    from grader import grading

    if problem.is_code:
        return grading.grade_code(problem, path, "en")
    if problem.variables and path.is_file():
        # a parametric problem's solution writes its answers as {expressions} of the variables
        from grader.params import default_seed, draw, render

        seed = default_seed(problem.id)
        rendered = workspace.state_dir / "devcheck" / f"{problem.id}{path.suffix}"
        rendered.parent.mkdir(parents=True, exist_ok=True)
        rendered.write_text(render(path.read_text(encoding="utf-8"), draw(problem, seed)), encoding="utf-8")
        return grading.grade_answer_problem(workspace, problem, "en", (), rendered, seed)
    return grading.grade_answer_problem(workspace, problem, "en", (), path)


def static_offenders(workspace, catalog) -> list[str]:
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
        for lang in ("ja", "en"):
            if len(problem.hints(lang)) < 2:
                offenders.append(f"{problem.id}: hints.{lang} has fewer than 2 tiers")
        if problem.is_code:
            try:
                grading.hidden_checks(problem)
            except CatalogError as exc:
                offenders.append(str(exc))
    for stray in sorted((_files_under(root / "exercises") | _files_under(root / "solutions")) - referenced):
        offenders.append(f"stray file {stray}: no problem refers to it")
    return offenders


def run(workspace, catalog) -> list[str]:
    """Every offender as one line; empty when the catalog is sound."""
    offenders = static_offenders(workspace, catalog)
    broken = {line.split(":")[0] for line in offenders}
    for problem in catalog.problems:
        if problem.id in broken:
            continue
        stub = grade_path(workspace, problem, workspace.root / problem.file)
        if stub.status == "pass":
            offenders.append(f"{problem.id}: the stub {problem.file} passes its checks")
        solution = grade_path(workspace, problem, workspace.root / problem.solution)
        if solution.status != "pass":
            bad = "; ".join(f"{c.name}: {c.message.splitlines()[0] if c.message else c.status}"
                            for c in solution.checks if c.status != "pass")
            offenders.append(f"{problem.id}: the solution {problem.solution} does not pass ({bad or solution.message})")
    return offenders
