"""The learner's source: compiled here (a syntax error never starts a process), and exceptions
cut to the learner's own frames."""

from __future__ import annotations

import os
import traceback
from typing import Any

from grader.sandbox.outcomes import CANNOT_COMPILE, LoadFailure


def learner_frames(exc: BaseException, path: str) -> str:
    """'ValueError: … (affine_backward.py:23: dx = dout @ W)': the exception cut to the learner's frames."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
    head = traceback.format_exception_only(type(exc), exc)[-1].strip()
    if len(head) > 300:
        head = head[:300] + "…"
    if not frames:
        return head
    where = "; ".join(
        f"{os.path.basename(f.filename)}:{f.lineno}" + (f": {(f.line or '').strip()}" if (f.line or "").strip() else "")
        for f in frames[-3:]
    )
    return f"{head} ({where})"


def learner_location(exc: BaseException, path: str) -> str:
    """'bptt.py:63': where in the learner's file the exception was raised, or ''."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
    return f"{os.path.basename(path)}:{frames[-1].lineno}" if frames else ""


def compile_source(text: str, path: str) -> tuple[Any, LoadFailure | None]:
    """Compile learner text; a SyntaxError becomes a LoadFailure with file:line and a caret. The
    text is what tracebacks quote (linecache), not the file on disk: it may have been saved again
    since, or be a notebook cell with no file at all."""
    import linecache

    linecache.cache[path] = (len(text), None, text.splitlines(True), path)
    try:
        return compile(text, path, "exec", dont_inherit=True), None
    except SyntaxError as exc:
        line = (exc.text or "").rstrip("\r\n")
        caret = ""
        if line and exc.offset:
            stripped = line.lstrip()
            pad = max(exc.offset - 1 - (len(line) - len(stripped)), 0)
            caret = f"\n    {stripped}\n    {' ' * pad}^"
        kind = type(exc).__name__
        return None, LoadFailure("syntax", f"{os.path.basename(path)}:{exc.lineno}: {kind}: {exc.msg}{caret}")
    except (ValueError, MemoryError, RecursionError) as exc:
        return None, LoadFailure("syntax", CANNOT_COMPILE.fill(name=os.path.basename(path), why=str(exc)))


def describe(exc: BaseException, path: str) -> str:
    """learner_frames(exc), or just the exception's type and text when even that runs out of memory."""
    try:
        return learner_frames(exc, path)
    except MemoryError:
        exc.__traceback__ = None  # the learner's frames, and whatever their locals hold
        try:
            return f"{type(exc).__name__}: {exc}"[:500]
        except MemoryError:
            return type(exc).__name__
