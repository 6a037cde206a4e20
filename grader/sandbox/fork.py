"""The supervisor of a learner's process forked from this one (Linux): numpy already imported, no start-up."""

from __future__ import annotations

import os
import select
import signal
import sys
import tempfile
import time
from collections.abc import Sequence
from typing import Any

from grader.sandbox.child import run_child
from grader.sandbox.limits import PROCESS_LIMIT, RESULT_LIMIT
from grader.sandbox.outcomes import TOO_MANY_PROCESSES, TOO_MUCH_DATA, RunOutcome
from grader.sandbox.processes import (
    count_started,
    hard_exit,
    kill_strays,
    processes,
    set_subreaper,
    wait_briefly,
    wait_status_text,
)
from grader.sandbox.records import read_records
from grader.sandbox.run import Run


class ForkRun(Run):
    """The learner's process forked from this one (Linux): numpy already imported, no start-up."""

    def __init__(self, code: Any, path: str, probes: Sequence, timeout: float, started: float):
        self._probes, self._started, self._deadline = probes, started, started + timeout
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

    def wait(self) -> RunOutcome:
        pid, read_fd, started = self._pid, self._read_fd, self._started
        assert read_fd is not None, "waited on twice"
        timed_out, ended_early = False, None
        buffer = bytearray()
        exit_status = None
        pipe_closed = False
        next_count = started + 0.1
        try:
            while True:
                now = time.monotonic()
                remaining = self._deadline - now
                if remaining <= 0:
                    timed_out = True
                    break
                if now >= next_count:  # a fork loop: root ignores RLIMIT_NPROC, so count ourselves
                    next_count = now + 0.1
                    if count_started(pid, self._keep) > PROCESS_LIMIT:
                        ended_early = TOO_MANY_PROCESSES.fill(n=PROCESS_LIMIT)
                        break
                ready, _, _ = select.select([read_fd], [], [], min(remaining, 0.05))
                if ready:
                    chunk = os.read(read_fd, 1 << 16)
                    if not chunk:
                        exit_status, pipe_closed = wait_briefly(pid, min(0.2, max(remaining, 0)))
                        break
                    buffer.extend(chunk)
                    if len(buffer) > RESULT_LIMIT:
                        ended_early = TOO_MUCH_DATA
                        break
                else:
                    done, status = os.waitpid(pid, os.WNOHANG)
                    if done:
                        exit_status = status
                        # drain what is left without waiting for grandchildren holding the pipe
                        while select.select([read_fd], [], [], 0)[0]:
                            chunk = os.read(read_fd, 1 << 16)
                            if not chunk:
                                break
                            buffer.extend(chunk)
                        break
        finally:
            exit_status = self.cancel(exit_status)
        how = None if exit_status is None else wait_status_text(exit_status)
        return read_records(
            buffer,
            self._probes,
            self._out_file,
            started,
            timed_out=timed_out,
            ended_early=ended_early,
            how=how,
            pipe_closed=pipe_closed,
        )

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
