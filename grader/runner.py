"""The ONE place that runs learner code: a forked process with a timeout and resource caps.

The grader's process prepares inputs and expected values, forks (numpy already imported, so the
child pays no interpreter start), and reads plain-data records back over a pipe. Nothing the
child sends is executed or trusted; the caller compares values itself. Learner faults never
raise here: they come back as records in a RunResult.
"""
from __future__ import annotations

import json
import os
import select
import signal
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from typing import Callable

ADDRESS_SPACE_LIMIT = 1 << 30      # 1 GiB on top of nothing: the learner's whole process
OUTPUT_FILE_LIMIT = 64 << 20       # what the learner may print before writes fail
RESULT_LIMIT = 64 << 20            # what the child may send back
OUTPUT_KEEP = 64 << 10             # how much printed output the grader reads back


@dataclass(frozen=True)
class LoadFailure:
    """The learner's file could not be loaded: nothing could be checked."""

    kind: str          # missing | encoding | syntax | exception
    message: str       # one line (plus a caret line for syntax errors)
    output: str = ""


@dataclass
class RunResult:
    """What came back from one run: per-probe records, or why the run ended early."""

    load_failure: LoadFailure | None = None
    records: dict = field(default_factory=dict)   # probe name -> {"ok": bool, ...}
    outputs: dict = field(default_factory=dict)   # probe name -> printed text
    timed_out: bool = False
    died: str | None = None                       # how the process ended early, if it did
    duration_s: float = 0.0


def learner_frames(exc: BaseException, path: str) -> str:
    """'ValueError: … (affine_backward.py:23: dx = dout @ W)': the exception cut to the learner's frames."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
    head = traceback.format_exception_only(type(exc), exc)[-1].strip()
    if len(head) > 300:
        head = head[:300] + "…"
    if not frames:
        return head
    where = "; ".join(f"{os.path.basename(f.filename)}:{f.lineno}: {(f.line or '').strip()}"
                      for f in frames[-3:])
    return f"{head} ({where})"


def learner_location(exc: BaseException, path: str) -> str:
    """'bptt.py:63': where in the learner's file the exception was raised, or ''."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
    return f"{os.path.basename(path)}:{frames[-1].lineno}" if frames else ""


def read_source(path: str) -> tuple[str | None, LoadFailure | None]:
    """The learner's file as text, or why it cannot be read (missing, a folder, not UTF-8)."""
    name = os.path.basename(path)
    if os.path.isdir(path):
        return None, LoadFailure("missing", f"{path} is a directory, not a file")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(4 << 20)
    except FileNotFoundError:
        return None, LoadFailure("missing", f"{path} does not exist (restore it with: drill reset)")
    except OSError as exc:
        return None, LoadFailure("missing", f"{path} cannot be read: {exc.strerror}")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        raw.decode("cp932")
        enc = "Shift_JIS (cp932)"
    except UnicodeDecodeError:
        enc = "an unknown encoding"
    return None, LoadFailure("encoding", f"{name} is saved in {enc}, not UTF-8: save it as UTF-8 "
                                         f"and grade again")


def compile_source(text: str, path: str):
    """Compile learner text; a SyntaxError becomes a LoadFailure with file:line and a caret."""
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
        return None, LoadFailure("syntax", f"{os.path.basename(path)}: cannot compile: {exc}")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _tell(fd: int) -> int | None:
    try:
        return os.lseek(fd, 0, os.SEEK_CUR)
    except OSError:  # the learner closed or replaced the descriptor
        return None


def _child(path: str, code, probes: list, result_fd: int, out_fd: int) -> None:
    """Body of the learner's process. Never returns: always ends in os._exit."""
    status = 0
    try:
        os.setsid()
        os.dup2(out_fd, 1)
        os.dup2(out_fd, 2)
        import resource

        for limit, value in ((getattr(resource, "RLIMIT_AS", None), ADDRESS_SPACE_LIMIT),
                             (getattr(resource, "RLIMIT_FSIZE", None), OUTPUT_FILE_LIMIT),
                             (getattr(resource, "RLIMIT_CORE", None), 0)):
            if limit is not None:
                try:
                    resource.setrlimit(limit, (value, value))
                except (ValueError, OSError):
                    pass
        import io

        # fresh streams on fds 1 and 2: the parent's may be replaced (pytest, CliRunner)
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", errors="replace")
        sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="replace",
                                      line_buffering=True)
        sys.stdin = io.TextIOWrapper(io.BytesIO(b""))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        from grader import wire

        import types

        module = types.ModuleType("learner")
        module.__file__ = path
        sys.modules["learner"] = module
        sys.path.insert(0, os.path.dirname(path))
        try:
            exec(code, module.__dict__)
        except BaseException as exc:  # noqa: BLE001 - the learner's import may raise anything
            _write_all(result_fd, wire.dumps({"load_error": learner_frames(exc, path)}))
            os._exit(0)
        for name, probe in probes:
            start = _tell(1)
            try:
                value = probe(module)
                record = {"probe": name, "ok": True, "value": wire.encode_cases(value)}
            except NotImplementedError as exc:
                record = {"probe": name, "ok": False, "not_implemented": True,
                          "error": learner_location(exc, path) or "NotImplementedError"}
            except BaseException as exc:  # noqa: BLE001
                record = {"probe": name, "ok": False, "error": learner_frames(exc, path),
                          "exc_type": type(exc).__name__}
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except BaseException:  # noqa: BLE001 - the learner may have closed it
                    pass
            end = _tell(1)
            if start is not None and end is not None:
                record["out"] = [start, end]
            _write_all(result_fd, wire.dumps(record))
    except BaseException:  # noqa: BLE001
        status = 3
    finally:
        os._exit(status)


def _read_output(fh, span) -> str:
    if not span:
        return ""
    start, end = int(span[0]), int(span[1])
    data = os.pread(fh.fileno(), min(end - start, OUTPUT_KEEP), start) if end > start else b""
    text = data.decode("utf-8", errors="replace")
    if end - start > OUTPUT_KEEP:
        text += f"\n… [{end - start - OUTPUT_KEEP} more bytes not read]"
    return text


def run(path: str, probes: list[tuple[str, Callable]], timeout: float) -> RunResult:
    """Load the learner's file in a fresh process and call each probe(module) there, in order.

    Returns each probe's encoded value or the learner's exception, the printed output per
    probe, and whether the run timed out or the process died.
    """
    started = time.monotonic()
    text, failure = read_source(path)
    if failure is None:
        code, failure = compile_source(text, path)
    if failure is not None:
        return RunResult(load_failure=failure, duration_s=time.monotonic() - started)

    result = RunResult()
    out_file = tempfile.TemporaryFile()
    read_fd, write_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_fd)
        _child(path, code, probes, write_fd, out_file.fileno())
    os.close(write_fd)
    buffer = bytearray()
    deadline = started + timeout
    exit_status = None
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                result.timed_out = True
                break
            ready, _, _ = select.select([read_fd], [], [], min(remaining, 0.05))
            if ready:
                chunk = os.read(read_fd, 1 << 16)
                if not chunk:
                    break
                buffer.extend(chunk)
                if len(buffer) > RESULT_LIMIT:
                    result.died = "sent back more data than the grader accepts"
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
        os.close(read_fd)

    finished_cleanly = False
    for line in bytes(buffer).split(b"\n"):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict):
            continue
        if "load_error" in record:
            result.load_failure = LoadFailure("exception", str(record["load_error"]))
            continue
        name = record.get("probe")
        if isinstance(name, str) and name not in result.records:
            result.records[name] = record
            result.outputs[name] = _read_output(out_file, record.get("out"))
    if len(result.records) == len(probes) or result.load_failure is not None:
        finished_cleanly = True
    if not finished_cleanly and not result.timed_out and result.died is None:
        if exit_status is not None and os.WIFSIGNALED(exit_status):
            sig = os.WTERMSIG(exit_status)
            try:
                signame = signal.Signals(sig).name
            except ValueError:
                signame = str(sig)
            result.died = f"the process was killed by {signame}"
        elif exit_status is not None and os.WIFEXITED(exit_status):
            result.died = f"the process exited with code {os.WEXITSTATUS(exit_status)} before finishing"
        else:
            result.died = "the process ended before finishing"
    if result.load_failure is not None:
        size = os.fstat(out_file.fileno()).st_size
        printed = _read_output(out_file, [0, size])
        result.load_failure = LoadFailure(result.load_failure.kind, result.load_failure.message, printed)
    out_file.close()
    result.duration_s = time.monotonic() - started
    return result
