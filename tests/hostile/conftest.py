"""Drive `python -m grader` as a real subprocess: hard timeout, peak memory, processes left behind.

Every process started for one call carries a unique marker in its environment (children inherit
it), so whatever is still alive afterwards can be found in /proc and counted, then killed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
COURSE = HERE / "course"
SUBMISSIONS = HERE / "submissions"
MARKER = "DRILL_TEST_MARKER"


@dataclass
class DrillRun:
    """One `drill` subprocess: exit code, output, wall time, peak RSS (kB), what it left running."""

    returncode: int | None
    stdout: str
    stderr: str
    wall_s: float
    peak_kb: int | None
    left_behind: list = field(default_factory=list)
    hung: bool = False
    killed: bool = False

    def json(self):
        return json.loads(self.stdout)


def marked_processes(marker: str) -> list[tuple[int, str]]:
    """(pid, argv) of every living process whose environment holds `marker`."""
    needle = f"{MARKER}={marker}".encode()
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as fh:
                if needle not in fh.read().split(b"\0"):
                    continue
            with open(f"/proc/{name}/stat", "rb") as fh:
                if fh.read().rsplit(b")", 1)[1].split()[0] == b"Z":
                    continue
            with open(f"/proc/{name}/cmdline", "rb") as fh:
                argv = fh.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except (OSError, IndexError):
            continue
        found.append((int(name), argv))
    return found


def drill_env(workspace: Path, marker: str, peak_file: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DRILL_")}
    env.update(
        PYTHONPATH=os.pathsep.join([str(REPO), str(HERE / "site")]),
        DRILL_TEST_HIDDEN=str(workspace / ".hidden"),
        DRILL_TEST_HWM=str(peak_file),
        DRILL_LANG="en",
        NO_COLOR="1",
        **{MARKER: marker},
    )
    return env


def _sigint_as_in_a_terminal() -> None:
    """In the child before exec: SIGINT as a terminal's drill gets it. A test run started in the
    background (`pytest &` from a script) inherits SIGINT ignored, and Python then never installs its
    KeyboardInterrupt handler, so an interrupt test would see a grade that ignores Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_drill(
    workspace: Path,
    *args: str,
    timeout: float = 30.0,
    stdin_held_open: bool = False,
    env_extra: dict | None = None,
    prefix: tuple = (),
    kill_after: float | None = None,
    interrupt_after: float | None = None,
    interrupt_group: bool = False,
) -> DrillRun:
    """Run `[PREFIX...] python -m grader --workspace W ARGS...` with a hard timeout; never leaves it
    running. With kill_after, drill itself (not its learner process) gets SIGKILL after that long;
    with interrupt_after, SIGINT: drill alone, or its process group as Ctrl-C in a terminal does."""
    marker = uuid.uuid4().hex
    peak_file = workspace.parent / f"peak-{marker}"
    env = drill_env(workspace, marker, peak_file)
    env.update(env_extra or {})
    stdin = subprocess.PIPE if stdin_held_open else subprocess.DEVNULL
    started = time.monotonic()
    proc = subprocess.Popen(
        [*prefix, sys.executable, "-m", "grader", "--workspace", str(workspace), *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=workspace.parent,
        start_new_session=True,
        preexec_fn=_sigint_as_in_a_terminal if interrupt_after is not None else None,
    )
    hung = killed = False
    if kill_after is not None:
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            proc.kill()
            killed = True
    if interrupt_after is not None:
        try:
            proc.wait(timeout=interrupt_after)
        except subprocess.TimeoutExpired:
            (os.killpg if interrupt_group else os.kill)(proc.pid, signal.SIGINT)
    try:
        # stdin stays open (nobody writes) until drill is done, like an idle terminal
        out, err = proc.communicate(timeout=timeout) if not stdin_held_open else _wait_keeping_stdin(proc, timeout)
    except subprocess.TimeoutExpired:
        hung = True
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    wall = time.monotonic() - started
    left = _left_behind(marker)
    try:
        peak = int(peak_file.read_text())
        peak_file.unlink()
    except (OSError, ValueError):
        peak = None
    return DrillRun(
        proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), wall, peak, left, hung, killed
    )


def _wait_keeping_stdin(proc, timeout):
    import threading

    chunks = {"out": b"", "err": b""}

    def read(name, stream):
        chunks[name] = stream.read()

    readers = [threading.Thread(target=read, args=(n, s)) for n, s in (("out", proc.stdout), ("err", proc.stderr))]
    for t in readers:
        t.start()
    try:
        proc.wait(timeout=timeout)
    finally:
        for t in readers:
            t.join(5)
        proc.stdin.close()
    return chunks["out"], chunks["err"]


def _left_behind(marker: str) -> list:
    """Processes still alive with the marker, after giving SIGKILLs already sent a moment to land;
    any found are killed so one case cannot spoil the next."""
    deadline = time.monotonic() + 1.0
    while True:
        left = marked_processes(marker)
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    for pid, _ in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    return left


def make_workspace(root: Path) -> Path:
    """A fresh copy of the hostile course; its hidden checks go to .hidden/ (found via sitecustomize)."""
    ws = root / "ws"
    shutil.copytree(COURSE, ws, ignore=shutil.ignore_patterns("hidden", "__pycache__"))
    shutil.copytree(COURSE / "hidden", ws / ".hidden", ignore=shutil.ignore_patterns("__pycache__"))
    return ws


def two_at_a_time(request, grade) -> dict:
    """{name: grade(name)} for every case of the requesting module's tests parametrized by `name`
    that this session selected, run two at a time (the machine has 2 cores)."""
    from concurrent.futures import ThreadPoolExecutor

    selected = [
        item.callspec.params["name"]
        for item in request.session.items
        if item.module is request.module and hasattr(item, "callspec") and "name" in item.callspec.params
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(selected, pool.map(grade, selected)))


@pytest.fixture
def hostile_ws(tmp_path) -> Path:
    """A fresh workspace of the hostile course (exercise: exercises/hx/hx_layer.py, the stub)."""
    return make_workspace(tmp_path)


@pytest.fixture(scope="session")
def hostile():
    """The helpers above, for tests and module-scoped fixtures: run, workspace, marked."""
    import types

    return types.SimpleNamespace(
        run=run_drill,
        workspace=make_workspace,
        marked=marked_processes,
        two_at_a_time=two_at_a_time,
        submissions=SUBMISSIONS,
        course=COURSE,
    )
