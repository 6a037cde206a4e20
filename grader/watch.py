"""`drill watch`: wait for a file to be saved (watchfiles, debounced), with a polling fallback.

Events may never arrive on WSL mounts and network drives. watchfiles switches to polling on WSL by
itself; beyond that, each quiet second the file's content hash is compared, and a change that came
without an event switches the watcher to polling for the rest of the session.
"""

from __future__ import annotations

import hashlib
import queue
import threading
import time
from collections.abc import Callable, Generator, Iterator
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


def changes(path: Path, stop: threading.Event, poll: bool = False, raise_interrupt: bool = True) -> Iterator[str]:
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
            raise_interrupt=raise_interrupt,
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


def read_commands(stop: threading.Event, inbox: queue.Queue, stream: Any) -> threading.Thread:
    """A daemon thread reading the learner's lines: q (or the end of input) stops, n goes on to the
    next problem after a pass."""

    def read() -> None:
        for line in iter(stream.readline, ""):
            word = line.strip().lower()
            if word.startswith("q"):
                break
            if word.startswith("n"):
                inbox.put(("next", None))
        stop.set()
        inbox.put(("quit", None))

    thread = threading.Thread(target=read, name="drill-watch-input", daemon=True)
    thread.start()
    return thread


class Cancelled(Exception):
    """A grade stopped because the file was saved again (or the watch was stopped) meanwhile."""


def cancellable(should_cancel: Callable[[], bool]) -> Callable[[Callable[[], ProblemResult]], ProblemResult]:
    """A way to run a grade (`Session.attempt(run=…)`) in a forked process that is stopped, and
    Cancelled raised, as soon as should_cancel() says so (checked every 0.15 s). Where drill does not
    fork (Windows, macOS) the grade runs here to its end; the watch then grades the newer save."""

    def run(job: Callable[[], ProblemResult]) -> ProblemResult:
        import os
        import select

        from grader import forking
        from grader.sandbox.processes import start_method

        if not hasattr(os, "fork") or start_method() != "fork":
            return job()
        pid, to_child, from_child = forking.start(lambda _, write_fd: forking.send_result(job, write_fd))
        os.close(to_child)
        try:
            while True:
                ready, _, _ = select.select([from_child], [], [], 0.15)
                if ready:
                    return forking.collect(pid, from_child)
                if should_cancel():
                    raise Cancelled
        except BaseException:  # cancelled, Ctrl-C: the grade and the learner's process stop now
            forking.stop(pid, grace=1.0)
            try:
                os.close(from_child)
            except OSError:
                pass
            raise

    return run


@dataclass(frozen=True)
class Watching:
    """Watching this file (relative to the workspace) now."""

    file: str


@dataclass(frozen=True)
class Graded:
    """A grade of the watched file, finished at `at` (seconds since the epoch)."""

    result: ProblemResult
    at: float = 0.0


@dataclass(frozen=True)
class Regrading:
    """The file was saved again during a grade: that grade was stopped, the new save is graded."""


@dataclass(frozen=True)
class SwitchedToPolling:
    """A save came with no change event: polling from now on."""


@dataclass(frozen=True)
class Passed:
    """Passed: the watch stays on this problem; n + Enter goes on to `next_id` (None: nothing left)."""

    next_id: str | None


@dataclass(frozen=True)
class NotPassedYet:
    """n came before this problem passed: the watch stays (n goes on only after a pass)."""

    problem_id: str


@dataclass(frozen=True)
class Next:
    """Going on to the next problem, as asked."""

    problem_id: str


def events(
    session: Session, problem: Problem | None, poll: bool, stop: threading.Event, inbox: queue.Queue | None = None
) -> Iterator[object]:
    """Grade `problem`, then again after every save (a save during a grade stops it and grades the
    new one); after a pass, stay, and go on to the problem `drill next` picks when n comes in
    `inbox`. Ends when `stop` is set or the input ends."""
    inbox = inbox if inbox is not None else queue.Queue()
    while problem is not None and not stop.is_set():
        workspace = session.workspace
        path = workspace.exercise_path(problem)
        yield Watching(workspace.relative(path))
        next_id = yield from _watch_one(session, problem, path, poll, stop, inbox)
        if stop.is_set() or next_id is None:
            return
        problem = session.problem(next_id)
        yield Next(problem.id)


def _watch_one(
    session: Session,
    problem: Problem,
    path: Path,
    poll: bool,
    stop: threading.Event,
    inbox: queue.Queue,
) -> Generator[object, None, str | None]:
    """The events of one problem; returns the next problem's id when n is asked for after a pass,
    None when the watch stops."""
    watcher: list[tuple[threading.Event, threading.Thread]] = []  # the file's watcher, while idle

    def watch_file(quiet: threading.Event) -> None:
        for how in changes(path, quiet, poll, raise_interrupt=False):
            inbox.put(("changed", how))
            if quiet.is_set():
                return

    def idle() -> None:  # watch for saves (watchfiles' thread) only between grades
        if not watcher:
            quiet = threading.Event()
            thread = threading.Thread(target=watch_file, args=(quiet,), name="drill-watch-file", daemon=True)
            thread.start()
            watcher.append((quiet, thread))

    def busy() -> None:  # a grade forks: no watcher thread may run then (a lock it holds would stay held)
        while watcher:
            quiet, thread = watcher.pop()
            quiet.set()
            thread.join(timeout=5)

    graded: str | None = "never"
    passed = False
    offered: str | None = None
    try:
        while not stop.is_set():
            current = _digest(path)
            if current != graded:
                busy()
                try:

                    def saved_again(seen: str | None = current) -> bool:
                        return stop.is_set() or _digest(path) != seen

                    result = session.attempt(problem, run=cancellable(saved_again))
                except Cancelled:
                    if not stop.is_set():
                        yield Regrading()
                    continue
                graded = current
                yield Graded(result, time.time())
                passed = result.status == "pass"
                if passed:
                    following = session.pick_next()
                    offered = following.id if following is not None and following.id != problem.id else None
                    yield Passed(offered)
                continue
            idle()
            try:
                kind, how = inbox.get(timeout=0.5)
            except queue.Empty:
                continue
            if kind == "changed" and how == "missed" and not poll:
                yield SwitchedToPolling()
            elif kind == "next" and passed and offered is not None:
                return offered
            elif kind == "next" and not passed:
                yield NotPassedYet(problem.id)
    finally:
        busy()
    return None
