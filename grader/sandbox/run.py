"""What `sandbox.start()` returns: a started run of the learner's code."""

from __future__ import annotations

from grader.sandbox.outcomes import RunOutcome


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
