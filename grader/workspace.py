"""Find, create and reset a learner's workspace; where a problem's files are."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from grader.errors import WorkspaceError

CATALOG = "problems.yaml"
STATE_DIR = ".drill"
NO_WORKSPACE = "no drill workspace here. Run 'drill init ~/e-shikaku' or cd into one."


def course_dir() -> Path:
    """Where the pristine course (catalog, stubs, solutions) lives: package data, else the source tree."""
    here = Path(__file__).resolve().parent
    packaged = here / "_course"
    if (packaged / CATALOG).is_file():
        return packaged
    if (here.parent / CATALOG).is_file():
        return here.parent
    raise WorkspaceError("this drill installation has no course data: reinstall it with "
                         "python -m pip install .")


@dataclass(frozen=True)
class Workspace:
    """A folder holding problems.yaml, the learner's exercises/ and the .drill/ state."""

    root: Path

    @property
    def catalog_path(self) -> Path:
        path = self.root / CATALOG
        return path if path.is_file() else course_dir() / CATALOG

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    @property
    def history_path(self) -> Path:
        return self.state_dir / "history.sqlite"

    def exercise_path(self, problem) -> Path:
        return self.root / problem.file

    def solution_path(self, problem) -> Path:
        own = self.root / problem.solution
        return own if own.is_file() else course_dir() / problem.solution

    def stub_path(self, problem) -> Path:
        return course_dir() / problem.file

    def submission_for(self, problem, given_answers: tuple[str, ...] = (), lang: str = "en"):
        """What the learner submits for `problem`: their file (read once, here) plus any --answer."""
        from grader.submission import submission_from_file

        path = self.exercise_path(problem)
        return submission_from_file(problem, path, self.relative(path), lang, given_answers)

    def relative(self, path: Path) -> str:
        try:
            return str(Path(path).relative_to(self.root))
        except ValueError:
            return str(path)


def find(explicit: str | None = None, start: Path | None = None) -> Workspace:
    """The workspace named by --workspace / DRILL_WORKSPACE, else the nearest parent holding one."""
    named = explicit or os.environ.get("DRILL_WORKSPACE")
    if named:
        root = Path(named).expanduser().resolve()
        if not ((root / CATALOG).is_file() or (root / STATE_DIR).is_dir()):
            raise WorkspaceError(f"{named} is not a drill workspace (no {CATALOG} or {STATE_DIR}/). "
                                 f"Run 'drill init {named}' first.")
        return Workspace(root)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CATALOG).is_file() or (folder / STATE_DIR).is_dir():
            return Workspace(folder)
    raise WorkspaceError(NO_WORKSPACE)


def init(target: Path) -> Workspace:
    """Create a fresh workspace at `target` from the installed course: catalog and stubs."""
    import shutil  # only init and reset copy files; the other commands should not import it

    target = Path(target).expanduser()
    if (target / CATALOG).exists():
        raise WorkspaceError(f"{target} already is a drill workspace; use 'drill reset' to restore stubs.")
    if target.exists() and not target.is_dir():
        raise WorkspaceError(f"{target} exists and is not a folder.")
    source = course_dir()
    try:
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / CATALOG, target / CATALOG)
        shutil.copytree(source / "exercises", target / "exercises", dirs_exist_ok=True)
        (target / STATE_DIR).mkdir(exist_ok=True)
        (target / ".gitignore").write_text(f"{STATE_DIR}/\n", encoding="utf-8")
    except OSError as exc:
        raise WorkspaceError(f"cannot create a workspace at {target}: {exc.strerror or exc}") from None
    return Workspace(target.resolve())


def reset(workspace: Workspace, problem) -> Path | None:
    """Restore a problem's stub; the learner's file is first copied to .drill/backup/. Returns the backup."""
    import shutil

    stub = workspace.stub_path(problem)
    dest = workspace.exercise_path(problem)
    if not stub.is_file():
        raise WorkspaceError(f"the stub of '{problem.id}' is missing from the installation ({stub}).")
    backup = None
    try:
        if dest.is_file():
            if dest.read_bytes() == stub.read_bytes():
                return None
            stamp = time.strftime("%Y%m%d-%H%M%S")
            backup = workspace.state_dir / "backup" / f"{dest.stem}.{stamp}{dest.suffix}"
            backup.parent.mkdir(parents=True, exist_ok=True)
            n = 1
            while backup.exists():
                backup = backup.with_name(f"{dest.stem}.{stamp}-{n}{dest.suffix}")
                n += 1
            shutil.copy2(dest, backup)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stub, dest)
    except OSError as exc:
        raise WorkspaceError(f"cannot reset {workspace.relative(dest)}: {exc.strerror or exc}") from None
    return backup
