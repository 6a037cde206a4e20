"""What `sandbox.start()` returns: a started run of the learner's code."""

from __future__ import annotations

import os
import select
import time
from collections.abc import Sequence
from typing import IO

from grader.sandbox.limits import PROCESS_LIMIT, RESULT_LIMIT
from grader.sandbox.outcomes import TOO_MANY_PROCESSES, TOO_MUCH_DATA, RunOutcome


class Run:
    """A started run: `wait()` (once) supervises it to the end and returns what came back. Used as a
    context manager, leaving the block without waiting (an error, Ctrl-C) kills the learner's process."""

    def wait(self) -> RunOutcome:
        raise NotImplementedError

    def cancel(self) -> object:
        """Stop the learner's process and all it started (nothing when it has ended already)."""
        return None

    def __enter__(self) -> Run:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.cancel()


class Finished(Run):
    """A run that ended before any process started (the source does not compile)."""

    def __init__(self, result: RunOutcome):
        self._result = result

    def wait(self) -> RunOutcome:
        return self._result


class PipeRun(Run):
    """A run whose learner's process writes its records to a pipe, supervised by `wait()`: read them until
    the process ends, the time is up, or it starts too many processes or sends too much. A process forked
    from here (sandbox/fork.py) and one forked by the zygote (sandbox/zygote.py) differ only in how the end
    shows and whom to count: the hooks below."""

    _read_fd: int | None
    _started: float
    _deadline: float
    _records: Sequence  # the probes (or names) read_records matches the records to
    _out_file: IO[bytes]

    def _watched(self) -> list[int]:
        """Descriptors beside the pipe whose readiness may say that the learner's process ended."""
        return []

    def _ended(self, ready: list[int]) -> tuple[bool, int | None]:
        """With nothing on the pipe: whether the learner's process has ended, and its wait status."""
        raise NotImplementedError

    def _status_after_eof(self, remaining: float) -> tuple[int | None, bool]:
        """The pipe closed: the wait status if it comes soon, and whether the pipe closed before the end."""
        raise NotImplementedError

    def _started_processes(self) -> int:
        """How many processes the learner's has started (root ignores RLIMIT_NPROC, so we count)."""
        raise NotImplementedError

    def _pipe_closed(self, closed: bool, exit_status: int | None) -> bool:
        """What read_records is told of the pipe closing before the process ended."""
        return closed

    def cancel(self, exit_status: int | None = None) -> int | None:
        """Kill the learner's process and all it started, once; its wait status if known."""
        raise NotImplementedError

    def wait(self) -> RunOutcome:
        from grader.sandbox.processes import wait_status_text
        from grader.sandbox.records import read_records

        read_fd = self._read_fd
        assert read_fd is not None, "waited on twice"
        timed_out, ended_early, exit_status, pipe_closed = False, None, None, False
        buffer = bytearray()
        next_count = self._started + 0.1
        try:
            while True:
                now = time.monotonic()
                remaining = self._deadline - now
                if remaining <= 0:
                    timed_out = True
                    break
                if now >= next_count:  # a fork loop: count ourselves
                    next_count = now + 0.1
                    if self._started_processes() > PROCESS_LIMIT:
                        ended_early = TOO_MANY_PROCESSES.fill(n=PROCESS_LIMIT)
                        break
                ready, _, _ = select.select([read_fd, *self._watched()], [], [], min(remaining, 0.05))
                if read_fd in ready:
                    chunk = os.read(read_fd, 1 << 16)
                    if not chunk:
                        exit_status, pipe_closed = self._status_after_eof(max(remaining, 0))
                        break
                    buffer.extend(chunk)
                    if len(buffer) > RESULT_LIMIT:
                        ended_early = TOO_MUCH_DATA
                        break
                else:
                    ended, status = self._ended(ready)
                    if ended:
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
            self._records,
            self._out_file,
            self._started,
            timed_out=timed_out,
            ended_early=ended_early,
            how=how,
            pipe_closed=self._pipe_closed(pipe_closed, exit_status),
        )
