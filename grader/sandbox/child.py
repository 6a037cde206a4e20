"""The body of the learner's process, forked or spawned. Nothing here returns: it ends in os._exit."""

from __future__ import annotations

import errno
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any

from grader import wire
from grader.sandbox.limits import ADDRESS_SPACE_LIMIT, EXIT_PIPE_LOST, EXIT_RUNNER_FAILED, OUTPUT_FILE_LIMIT, RESERVE
from grader.sandbox.processes import close_all_but, die_with_parent, hard_exit, tell, write_all
from grader.sandbox.source import compile_source, describe, learner_location


def run_child(path: str, code: Any, probes: Sequence, result_fd: int, out_fd: int, parent: int | None = None) -> None:
    """Body of the learner's process. Never returns: always ends in os._exit."""
    status = 0
    try:
        if parent is not None:
            die_with_parent(parent)
        if hasattr(os, "setsid"):
            try:
                os.setsid()
            except OSError:  # a spawned process may already lead its own session
                pass
        os.dup2(out_fd, 1)
        os.dup2(out_fd, 2)
        stdin = os.open(os.devnull, os.O_RDONLY)  # never the terminal: a read would wait for the timeout
        if stdin != 0:
            os.dup2(stdin, 0)
            os.close(stdin)
        close_all_but(result_fd)  # the grader's other files (a pipe to `drill`, the history) are not the learner's
        try:
            import resource
        except ImportError:  # Windows: no limits but the timeout
            resource = None  # type: ignore[assignment]

        for limit, value in (
            (getattr(resource, "RLIMIT_AS", None), ADDRESS_SPACE_LIMIT),
            (getattr(resource, "RLIMIT_FSIZE", None), OUTPUT_FILE_LIMIT),
            (getattr(resource, "RLIMIT_CORE", None), 0),
        ):
            if limit is not None:
                try:
                    resource.setrlimit(limit, (value, value))
                except (ValueError, OSError):
                    pass
        import io

        # fresh streams on fds 1 and 2: the parent's may be replaced (pytest, CliRunner)
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", errors="replace")
        sys.stderr = io.TextIOWrapper(
            io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="replace", line_buffering=True
        )
        sys.stdin = io.TextIOWrapper(io.BytesIO(b""))
        if hasattr(signal, "SIGXFSZ"):
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_DFL)

        import types

        module = types.ModuleType("learner")
        module.__file__ = path
        sys.modules["learner"] = module
        sys.path.insert(0, os.path.dirname(path))
        reserve: bytearray | None = bytearray(RESERVE)  # freed to describe a MemoryError when memory has run out
        try:
            exec(code, module.__dict__)
        except BaseException as exc:  # noqa: BLE001 - the learner's import may raise anything
            del reserve
            module.__dict__.clear()  # what the module's top level allocated (it may have filled memory)
            write_all(result_fd, wire.dumps({"load_error": describe(exc, path)}))
            hard_exit(0)
        for name, probe in probes:
            start = tell(1)
            try:
                value = probe(module)
                record = {"probe": name, "ok": True, "value": wire.encode_cases(value)}
            except NotImplementedError as exc:
                record = {
                    "probe": name,
                    "ok": False,
                    "not_implemented": True,
                    "error": learner_location(exc, path) or "NotImplementedError",
                }
            except BaseException as exc:  # noqa: BLE001
                reserve = None  # room to describe it, should memory have run out
                record = {"probe": name, "ok": False, "error": describe(exc, path), "exc_type": type(exc).__name__}
                reserve = reserve_again()
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except BaseException:  # noqa: BLE001 - the learner may have closed it
                    pass
            end = tell(1)
            if start is not None and end is not None:
                record["out"] = [start, end]
            write_all(result_fd, wire.dumps(record))
    except OSError as exc:
        status = EXIT_PIPE_LOST if exc.errno in (errno.EBADF, errno.EPIPE) else EXIT_RUNNER_FAILED
    except BaseException:  # noqa: BLE001
        status = EXIT_RUNNER_FAILED
    finally:
        hard_exit(status)


def reserve_again() -> bytearray | None:
    try:
        return bytearray(RESERVE)
    except MemoryError:
        return None


def spawn_main() -> None:  # pragma: no cover - runs in the spawned process
    """Entry of a spawned learner process (argv: payload file, output file): then as a forked one."""
    import pickle

    payload_path, out_path = sys.argv[1], sys.argv[2]
    grader_pid = os.getppid()
    with open(payload_path, "rb") as fh:
        payload = pickle.load(fh)  # written by the grader a moment ago, not by the learner
    try:
        os.remove(payload_path)
    except OSError:
        pass
    import grader.hidden

    if payload["hidden_path"]:
        grader.hidden.__path__[:] = payload["hidden_path"]
    path = payload["path"]
    result_fd = os.dup(1)
    out_fd = os.open(out_path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
    code, failure = compile_source(payload["source"], path)
    if failure is not None:  # compiled by the grader already: only a different interpreter fails here
        from grader import wire

        write_all(result_fd, wire.dumps({"load_error": str(failure.message)}))
        hard_exit(0)
    write_all(result_fd, b"\n")  # ready: the timeout starts now
    run_child(path, code, payload["probes"], result_fd, out_fd, grader_pid)
