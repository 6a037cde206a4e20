"""Find, create and reset a learner's workspace; where a problem's files are."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from grader.errors import WorkspaceError
from grader.texts import Text

if TYPE_CHECKING:
    from grader.catalog import Listed, Problem
    from grader.submission import Submission

CATALOG = "problems.yaml"
STATE_DIR = ".drill"
NO_WORKSPACE = Text(
    "ここは drill の作業フォルダではありません。'drill init ~/e-shikaku' で作るか、作業フォルダに cd してください。",
    "no drill workspace here. Run 'drill init ~/e-shikaku' or cd into one.",
)


def course_dir() -> Path:
    """Where the pristine course (catalog, stubs, solutions) lives: package data, else the source tree."""
    here = Path(__file__).resolve().parent
    packaged = here / "_course"
    if (packaged / CATALOG).is_file():
        return packaged
    if (here.parent / CATALOG).is_file():
        return here.parent
    raise WorkspaceError(
        Text(
            "この drill のインストールには教材データがありません。python -m pip install . で入れ直してください。",
            "this drill installation has no course data: reinstall it with python -m pip install .",
        )
    )


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

    def exercise_path(self, problem: Problem | Listed) -> Path:
        return self.root / problem.file

    def solution_path(self, problem: Problem) -> Path:
        own = self.root / problem.solution
        return own if own.is_file() else course_dir() / problem.solution

    def stub_path(self, problem: Problem) -> Path:
        return course_dir() / problem.file

    def submission_for(self, problem: Problem, given_answers: tuple[str, ...] = (), lang: str = "en") -> Submission:
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
            raise WorkspaceError(
                Text(
                    "{named} は drill の作業フォルダではありません（{catalog} も {state}/ も"
                    "ありません）。先に 'drill init {named}' を実行してください。",
                    "{named} is not a drill workspace (no {catalog} or {state}/). Run 'drill init {named}' first.",
                ).fill(named=named, catalog=CATALOG, state=STATE_DIR)
            )
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
        raise WorkspaceError(
            Text(
                "{target} はすでに drill の作業フォルダです。ひな形に戻すには 'drill reset' を使ってください。",
                "{target} already is a drill workspace; use 'drill reset' to restore stubs.",
            ).fill(target=target)
        )
    if target.exists() and not target.is_dir():
        raise WorkspaceError(
            Text(
                "{target} はフォルダではないファイルとしてすでにあります。", "{target} exists and is not a folder."
            ).fill(target=target)
        )
    source = course_dir()
    try:
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / CATALOG, target / CATALOG)
        shutil.copytree(source / "exercises", target / "exercises", dirs_exist_ok=True)
        (target / STATE_DIR).mkdir(exist_ok=True)
        (target / ".gitignore").write_text(f"{STATE_DIR}/\n", encoding="utf-8")
    except OSError as exc:
        raise WorkspaceError(
            Text("{target} に作業フォルダを作れません: {why}", "cannot create a workspace at {target}: {why}").fill(
                target=target, why=exc.strerror or exc
            )
        ) from None
    return Workspace(target.resolve())


def back_up(workspace: Workspace, path: Path) -> Path:
    """Copy `path` to .drill/backup/NAME.YYYYmmdd-HHMMSS[-n].SUFFIX before it is replaced; the copy."""
    import shutil

    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = workspace.state_dir / "backup" / f"{path.stem}.{stamp}{path.suffix}"
    backup.parent.mkdir(parents=True, exist_ok=True)
    n = 1
    while backup.exists():
        backup = backup.with_name(f"{path.stem}.{stamp}-{n}{path.suffix}")
        n += 1
    shutil.copy2(path, backup)
    return backup


def reset(workspace: Workspace, problem: Problem) -> tuple[bool, Path | None]:
    """Restore a problem's stub; the learner's file is first copied to .drill/backup/. Returns whether
    the file changed (False: it was the stub already) and the backup (None: there was no file)."""
    import shutil

    stub = workspace.stub_path(problem)
    dest = workspace.exercise_path(problem)
    if not stub.is_file():
        raise WorkspaceError(
            Text(
                "'{id}' のひな形がインストールにありません（{stub}）。",
                "the stub of '{id}' is missing from the installation ({stub}).",
            ).fill(id=problem.id, stub=stub)
        )
    backup = None
    try:
        if dest.is_file():
            if dest.read_bytes() == stub.read_bytes():
                return False, None
            backup = back_up(workspace, dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stub, dest)
    except OSError as exc:
        raise WorkspaceError(
            Text("{file} を元に戻せません: {why}", "cannot reset {file}: {why}").fill(
                file=workspace.relative(dest), why=exc.strerror or exc
            )
        ) from None
    return True, backup
