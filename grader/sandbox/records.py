"""Reading what the learner's process sent back (bounded JSON lines) into a typed RunOutcome."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from typing import Any

from grader import wire
from grader.sandbox.limits import OUTPUT_KEEP
from grader.sandbox.outcomes import ENDED_EARLY, PIPE_CLOSED, TOO_MANY_PARTS, LoadFailure, Raised, Returned, RunOutcome
from grader.texts import Text


def read_output(fh: Any, span: Any) -> str:
    if not span:
        return ""
    start, end = int(span[0]), int(span[1])
    if end <= start:
        data = b""
    elif hasattr(os, "pread"):
        data = os.pread(fh.fileno(), min(end - start, OUTPUT_KEEP), start)
    else:  # Windows; the learner's process is gone by now, so moving the offset is harmless
        fh.seek(start)
        data = fh.read(min(end - start, OUTPUT_KEEP))
    text = data.decode("utf-8", errors="replace")
    if end - start > OUTPUT_KEEP:
        text += f"\n… [{end - start - OUTPUT_KEEP} more bytes not read]"
    return text


def read_records(
    buffer: bytearray,
    probes: Sequence,
    out_file: Any,
    started: float,
    *,
    timed_out: bool = False,
    ended_early: Text | None = None,
    how: Text | None = None,
    pipe_closed: bool = False,
) -> RunOutcome:
    """The records in `buffer` (plain JSON lines, bounded in size and parts) as a RunOutcome; say why
    the run ended early when a probe's record is missing (`how` the process ended, if known)."""
    oversized = False
    outcomes: dict = {}
    load_error = None
    start = 0
    while start < len(buffer):
        end = buffer.find(b"\n", start)
        end = len(buffer) if end < 0 else end
        line_start, start = start, end + 1
        if buffer.count(b"{", line_start, end) > wire.RECORD_PARTS_LIMIT:
            oversized = True  # millions of tiny objects: parsing them would cost gigabytes
            continue
        line = bytes(buffer[line_start:end])
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if not isinstance(record, dict):
            continue
        if "load_error" in record:
            load_error = str(record["load_error"])
            continue
        name = record.get("probe")
        if isinstance(name, str) and name not in outcomes:
            outcomes[name] = _outcome(record, read_output(out_file, record.get("out")))
    load_failure = None
    if load_error is not None:
        printed = read_output(out_file, [0, os.fstat(out_file.fileno()).st_size])
        load_failure = LoadFailure("exception", load_error, printed)
    finished_cleanly = all(name in outcomes for name, _ in probes) or load_failure is not None
    if not finished_cleanly and not timed_out and ended_early is None:
        if oversized:
            ended_early = TOO_MANY_PARTS.fill(n=wire.RECORD_PARTS_LIMIT)
        elif pipe_closed:
            ended_early = PIPE_CLOSED
        else:
            ended_early = how or ENDED_EARLY
    out_file.close()
    return RunOutcome(outcomes, load_failure, ended_early, timed_out, time.monotonic() - started)


def _outcome(record: dict, output: str) -> Returned | Raised:
    if record.get("ok"):
        return Returned(wire.decode_cases(record.get("value")), output)
    return Raised(str(record.get("error", "?")), bool(record.get("not_implemented")), output)
