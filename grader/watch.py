"""`drill watch`: wait for a file to be saved (watchfiles, debounced), with a polling fallback.

Events may never arrive on WSL mounts and network drives. watchfiles switches to polling on WSL by
itself; beyond that, each quiet second the file's content hash is compared, and a change that came
without an event switches the watcher to polling for the rest of the session.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from grader.catalog import Problem
    from grader.session import Session

if TYPE_CHECKING:
    from grader.results import ProblemResult

DEBOUNCE_MS = 200
GRACE_SECONDS = 1.5


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def changes(path: Path, stop: threading.Event, poll: bool = False) -> Iterator[str]:
    """Yield 'event' or 'poll' each time `path`'s content changes, until `stop` is set."""
    import watchfiles

    path = Path(path).resolve()
    last = _digest(path)
    force_polling = True if poll else None
    while not stop.is_set():
        switched = False
        pending = None  # when a change was first seen without an event for it
        for batch in watchfiles.watch(
            path.parent,
            debounce=DEBOUNCE_MS,
            step=50,
            stop_event=stop,
            rust_timeout=1000,
            yield_on_timeout=True,
            raise_interrupt=True,
            force_polling=force_polling,
            poll_delay_ms=200,
            recursive=False,
        ):
            current = _digest(path)
            if current == last:
                pending = None
                continue
            if any(Path(p).resolve() == path for _, p in batch):
                last, pending = current, None
                yield "poll" if force_polling else "event"
                continue
            if pending is None:  # the event may still be on its way
                pending = time.monotonic()
                continue
            if time.monotonic() - pending < GRACE_SECONDS:
                continue
            last, pending = current, None
            if force_polling:
                yield "poll"
                continue
            yield "missed"  # changed, and no event came: events do not arrive here
            force_polling = switched = True
            break
        if not switched:
            return


def quit_on_q(stop: threading.Event, stream: Any) -> threading.Thread:
    """A daemon thread that sets `stop` when a line starting with q is read (or input ends)."""

    def read():
        for line in iter(stream.readline, ""):
            if line.strip().lower().startswith("q"):
                break
        stop.set()

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


@dataclass(frozen=True)
class Watching:
    """Watching this file (relative to the workspace) now."""

    file: str


@dataclass(frozen=True)
class Graded:
    """A grade of the watched file."""

    result: ProblemResult


@dataclass(frozen=True)
class SwitchedToPolling:
    """A save came with no change event: polling from now on."""


@dataclass(frozen=True)
class Next:
    """Passed; watching the next problem."""

    problem_id: str


@dataclass(frozen=True)
class AllPassed:
    """Passed, and nothing is left to do."""


def events(session: Session, problem: Problem | None, poll: bool, stop: threading.Event) -> Iterator[object]:
    """Grade `problem`, then again on every save until it passes; then go on with the problem
    `drill next` picks. Ends when `stop` is set, when the changes end, or when all is passed."""
    while problem is not None and not stop.is_set():
        workspace = session.workspace
        path = workspace.exercise_path(problem)
        yield Watching(workspace.relative(path))
        result = session.attempt(problem)
        yield Graded(result)
        passed = result.status == "pass"
        for how in [] if passed else changes(path, stop, poll):
            if how == "missed" and not poll:
                yield SwitchedToPolling()
            result = session.attempt(problem)
            yield Graded(result)
            if result.status == "pass":
                passed = True
                break
        if not passed:
            return
        following = session.pick_next()
        if following is None or following.id == problem.id:
            yield AllPassed()
            return
        yield Next(following.id)
        problem = following
