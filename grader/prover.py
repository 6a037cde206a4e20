"""A sympy prover in a forked process, so `drill grade` of a formula overlaps sympy's import.

sympy's import takes about as long as everything else `drill grade` does together. A `Prover`
started before grading imports it in a forked process while this one parses the answer and
checks it at random points; a wrong answer, decided by the numbers, never waits for sympy at all.
The caller that grades one problem decides to start one (grader/session.py) and hands it to
`grading.grade`; `checks.symbolic.judge` asks it instead of proving in-process.
"""

from __future__ import annotations

import json
import os
import select
import time
from typing import TYPE_CHECKING

from grader import forking

if TYPE_CHECKING:
    from grader.catalog import Problem

REPLY_SECONDS = 30.0  # for the first reply, which waits for `import sympy`; each proof has SYMPY_SECONDS


class Prover:
    """The forked sympy process: one request line (JSON: check name, answer text) in, "1" or "0" out.

    A context manager: leaving the block ends the process. A dead or slow process means "not
    proven", never an error: the numbers have decided already, sympy only upgrades the message."""

    def __init__(self, problem: Problem):
        self.problem = problem
        self.pid: int | None
        self.pid, self._request_w, self._reply_r = forking.start(
            lambda requests, replies: _serve(problem, requests, replies), quiet=True
        )
        self._replies = b""
        self._first = True

    @classmethod
    def start_if_it_helps(cls, problem: Problem) -> Prover | None:
        """A Prover for `problem` where one helps and is safe: it has a scalar formula check, sympy
        is not imported here yet, and this is Linux with fork and no other thread. Else None."""
        from grader.checks.symbolic import wants_sympy

        if not wants_sympy(problem) or not forking.fork_helps("sympy"):
            return None
        return cls(problem)

    def prove(self, check_name: str, text: str) -> bool:
        """The forked process's verdict; False (not proven) if it died or took too long."""
        from grader.checks.symbolic import SYMPY_SECONDS

        if self.pid is None:
            return False
        try:
            os.write(self._request_w, json.dumps({"check": check_name, "text": text}).encode() + b"\n")
            deadline = time.monotonic() + (REPLY_SECONDS if self._first else SYMPY_SECONDS + 2.0)
            self._first = False
            while b"\n" not in self._replies:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self._reply_r], [], [], left)[0]:
                    raise TimeoutError
                chunk = os.read(self._reply_r, 64)
                if not chunk:
                    raise EOFError
                self._replies += chunk
        except (OSError, TimeoutError, EOFError):
            self.close()
            return False
        line, _, self._replies = self._replies.partition(b"\n")
        return line == b"1"

    def close(self) -> None:
        """End the process (at once: at EOF when idle, by SIGINT when busy) and reap it."""
        if self.pid is None:
            return
        for fd in (self._request_w, self._reply_r):
            os.close(fd)
        forking.stop(self.pid, grace=0.5)
        self.pid = None

    def __enter__(self) -> Prover:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _serve(problem, request_r: int, reply_w: int) -> None:  # pragma: no cover - runs in the forked process
    """Body of the forked sympy process: answer each request until the grader closes the pipe."""
    try:
        import sympy  # noqa: F401 - the slow part, overlapping the grader's own work

        from grader.checks.symbolic import prove_text

        specs = {c.name: c for c in problem.checks}
        with os.fdopen(request_r, "rb") as requests:
            for line in requests:
                ask = json.loads(line)
                proved = prove_text(problem, specs[ask["check"]], ask["text"])
                os.write(reply_w, b"1\n" if proved else b"0\n")
    except BaseException:  # noqa: BLE001 - the grader reads a closed pipe as "not proven"
        pass
