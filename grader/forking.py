"""Splitting one `drill grade` over two processes on Linux, so a slow import overlaps other work.

`drill grade ID` spends most of its time importing numpy (code problems) or sympy (formulas). A
forked process can do that import and the work that needs it while this one imports and prepares
what the scorecard and the history need. Only where forking is safe and helps: see `fork_helps`.
The caller that grades one problem decides (grader/session.py): `overlap` for a code problem's whole
grade, `grader.prover.Prover` for a formula's sympy proofs; both fork through `start`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any


def fork_helps(module: str) -> bool:
    """True when a forked process can take `module`'s import off this one: Linux fork (not forced to
    spawn by DRILL_START_METHOD), no other thread here (forking one is unsafe), `module` not yet
    imported (then there is nothing to overlap)."""
    import threading

    return (
        hasattr(os, "fork")
        and sys.platform.startswith("linux")
        and module not in sys.modules
        and os.environ.get("DRILL_START_METHOD") != "spawn"
        and threading.active_count() == 1
    )


class WorkerFailed(Exception):
    """The forked process died or failed outside the grader's own errors; carries its traceback."""


def start(body: Callable[[int, int], None], quiet: bool = False) -> tuple[int, int, int]:
    """Fork a child that runs body(from_parent_fd, to_parent_fd) and then exits (never returning
    here). Returns (pid, to_child_fd, from_child_fd). The child dies with this process (PDEATHSIG),
    takes one SIGINT as KeyboardInterrupt and ignores the next, and with `quiet` writes nowhere."""
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the forked process
        try:
            os.close(to_child_w)
            os.close(from_child_r)
            _child_setup(parent, quiet)
            body(to_child_r, from_child_w)
        finally:
            os._exit(0)
    os.close(to_child_r)
    os.close(from_child_w)
    return pid, to_child_w, from_child_r


def _child_setup(parent: int, quiet: bool) -> None:  # pragma: no cover - runs in the forked process
    import signal

    def interrupted(signum, frame):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C, then drill's own SIGINT: one is enough,
        raise KeyboardInterrupt  # a second would cut the runner's clean-up short

    signal.signal(signal.SIGINT, interrupted)
    if quiet:
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
    from grader.sandbox.processes import die_with_parent

    die_with_parent(parent)


def stop(pid: int, grace: float = 2.0) -> None:
    """End and reap a child of `start`: SIGINT first, so that a grading child's runner stops the
    learner's process and what it started; SIGKILL if it has not ended within `grace` seconds."""
    import signal
    import time

    try:
        os.kill(pid, signal.SIGINT)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            if os.waitpid(pid, os.WNOHANG)[0]:
                return
            time.sleep(0.01)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def overlap(job: Callable[[], Any], meanwhile: Callable[[], object] | None = None) -> Any:
    """job() in a forked process while meanwhile() runs here; job's return value or its DrillError,
    here. On any interruption here the child is stopped (see `stop`)."""
    pid, to_child, read_fd = start(lambda _, write_fd: send_result(job, write_fd))
    os.close(to_child)
    return collect(pid, read_fd, meanwhile)


def collect(pid: int, read_fd: int, meanwhile: Callable[[], object] | None = None) -> Any:
    """The waiting half of `overlap`, for any child of `start` that reports with `send_result`:
    meanwhile() here, then the child's value or its DrillError; the child is reaped, or stopped on
    any interruption here."""
    import pickle

    finished = False
    try:
        if meanwhile is not None:
            meanwhile()
        chunks = []
        while chunk := os.read(read_fd, 1 << 16):
            chunks.append(chunk)
        _, status = os.waitpid(pid, 0)
        finished = True
    finally:
        os.close(read_fd)
        if not finished:  # Ctrl-C or an error here: the child must not outlive the grade
            stop(pid)
    try:
        how, value = pickle.loads(b"".join(chunks))
    except Exception:  # noqa: BLE001 - nothing, or a cut-off record: the child died
        from grader.sandbox.processes import wait_status_text

        raise WorkerFailed(f"the grading process ended early ({wait_status_text(status).get('en')})") from None
    if how == "value":
        return value
    if how == "drill_error":
        raise value
    raise WorkerFailed(value)


def send_result(fn: Callable[[], Any], write_fd: int) -> None:  # pragma: no cover - runs in the forked process
    """Send ("value", fn()), ("drill_error", exc) or ("crash", traceback)."""
    import pickle

    from grader.errors import DrillError

    try:
        try:
            record = ("value", fn())
        except DrillError as exc:
            record = ("drill_error", exc)
        data = pickle.dumps(record)
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises it there
        import traceback

        data = pickle.dumps(("crash", traceback.format_exc()))
    from grader.sandbox.processes import write_all

    write_all(write_fd, data)
