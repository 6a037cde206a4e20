"""The supervisor of a learner's process forked from this one (Linux): numpy already imported, no start-up."""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from collections.abc import Sequence
from typing import Any

from grader.sandbox.child import run_child
from grader.sandbox.processes import (
    count_started,
    hard_exit,
    kill_strays,
    processes,
    set_subreaper,
    wait_briefly,
)
from grader.sandbox.run import PipeRun


class ForkRun(PipeRun):
    """The learner's process forked from this one (Linux): numpy already imported, no start-up."""

    def __init__(self, code: Any, path: str, probes: Sequence, timeout: float, started: float):
        self._records, self._started, self._deadline = probes, started, started + timeout
        self._out_file = tempfile.TemporaryFile()
        read_fd, write_fd = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        self._keep = {pid for pid, ppid, *_ in processes() if ppid == os.getpid()}  # children we had before
        self._adopting = set_subreaper(True)
        grader_pid = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(read_fd)
            run_child(path, code, probes, write_fd, self._out_file.fileno(), grader_pid)
            hard_exit(3)  # run_child never returns; should the learner have broken that, never run our code
        os.close(write_fd)
        self._pid = pid
        self._read_fd: int | None = read_fd

    def _ended(self, ready: list[int]) -> tuple[bool, int | None]:
        done, status = os.waitpid(self._pid, os.WNOHANG)
        return bool(done), (status if done else None)

    def _status_after_eof(self, remaining: float) -> tuple[int | None, bool]:
        return wait_briefly(self._pid, min(0.2, remaining))

    def _started_processes(self) -> int:
        return count_started(self._pid, self._keep)

    def cancel(self, exit_status: int | None = None) -> int | None:
        """Kill the learner's process and all it started, once; its wait status if known."""
        if self._read_fd is None:
            return exit_status
        pid = self._pid
        for target in (-pid, pid):
            try:
                os.kill(target, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        if exit_status is None:
            try:
                _, exit_status = os.waitpid(pid, 0)
            except ChildProcessError:
                exit_status = None
        os.close(self._read_fd)
        self._read_fd = None
        kill_strays(pid, self._keep)
        if self._adopting:
            set_subreaper(False)
        return exit_status
