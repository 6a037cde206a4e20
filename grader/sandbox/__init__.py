"""The ONE place that runs learner code: a separate process with a timeout and resource caps.

`start(source, path, probes, timeout)` compiles the learner's source here and starts their process
(forked on Linux, numpy already imported; a fresh interpreter elsewhere); `wait()` supervises it to
the end and returns a typed `RunOutcome`. Between the two the caller may compute what only the
judge needs. Nothing the child sends is executed or trusted: plain-data records come back over a
pipe and the caller compares values itself. Learner faults never raise here.

| module | job |
|---|---|
| limits.py | every limit |
| outcomes.py | LoadFailure, Returned, Raised, Missing, RunOutcome, and why a run ended early |
| source.py | compiling the source, the learner's frames of an exception |
| processes.py | /proc scan, subreaper, strays, parent-death signal, descriptors, wait-status text |
| child.py | the learner's process body, forked or spawned |
| run.py | `Run`, what `start()` returns: `wait()`, `cancel()`, a context manager |
| fork.py, spawn.py | the two supervisors behind `start()`/`wait()` |
| records.py | the bounded JSON lines into a RunOutcome |
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from grader.sandbox.outcomes import LoadFailure, Missing, ProbeOutcome, Raised, Returned, RunOutcome
from grader.sandbox.processes import start_method
from grader.sandbox.run import Finished, Run
from grader.sandbox.source import compile_source

__all__ = [
    "LoadFailure",
    "Missing",
    "ProbeOutcome",
    "Raised",
    "Returned",
    "Run",
    "RunOutcome",
    "run",
    "start",
    "start_method",
]


def start(
    source: str,
    path: str,
    probes: Sequence[tuple[str, Callable]],
    timeout: float,
    course: tuple[dict, dict] | None = None,
) -> Run:
    """Start loading the learner's `source` (named `path` in tracebacks) in a fresh process that calls
    each probe(module) there, in order. The timeout counts from here; `wait()` gives the RunOutcome.

    The caller may work between the two (compute what only the judge needs) while the learner's
    code runs: nothing computed after `start` ever reaches the learner's process. `course`: (the
    checks' run functions by name, the drawn cases by name), used instead of the probes when course
    mode has a zygote running (grader/sandbox/zygote.py).
    """
    started = time.monotonic()
    code, failure = compile_source(source, path)
    if failure is not None:
        return Finished(RunOutcome(load_failure=failure, duration_s=time.monotonic() - started))
    from grader.sandbox import zygote

    running = zygote.active()
    if course is not None and running is not None:  # course mode: another user, no hidden module
        runs, cases = course
        return zygote.start_run(running, source, path, runs, cases, timeout, started)
    if start_method() == "spawn":
        from grader.sandbox.spawn import SpawnRun

        return SpawnRun(source, path, probes, timeout, started)
    from grader.sandbox.fork import ForkRun

    return ForkRun(code, path, probes, timeout, started)


def run(source: str, path: str, probes: Sequence[tuple[str, Callable]], timeout: float) -> RunOutcome:
    """start(...).wait(): the learner's source run with the probes, nothing done meanwhile."""
    return start(source, path, probes, timeout).wait()
