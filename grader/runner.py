"""The ONE place that runs learner code: a forked process with a timeout and resource caps.

The grader's process prepares inputs and expected values, forks (numpy already imported, so the
child pays no interpreter start), and reads plain-data records back over a pipe. Nothing the
child sends is executed or trusted; the caller compares values itself. Learner faults never
raise here: they come back as records in a RunResult.
"""
from __future__ import annotations

import errno
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

from grader import wire
from grader.texts import Text

ADDRESS_SPACE_LIMIT = 1 << 30      # 1 GiB on top of nothing: the learner's whole process
OUTPUT_FILE_LIMIT = 64 << 20       # what the learner may print before writes fail
RESULT_LIMIT = 64 << 20            # what the child may send back
OUTPUT_KEEP = 64 << 10             # how much printed output the grader reads back
RESERVE = 4 << 20                  # memory the learner's process holds back to report a MemoryError
PROCESS_LIMIT = 100                # processes the learner's code may start before the run is stopped
SPAWN_STARTUP_LIMIT = 60.0         # seconds a spawned process may take to start, before the timeout
_hard_exit = os._exit              # bound at import: learner code may rebind os._exit in its process
EXIT_RUNNER_FAILED = 3             # the learner's process could not run the grader's side of the run
EXIT_PIPE_LOST = 4                 # ... because the learner's code closed or replaced the result pipe

# how the learner's process ended early, as "your code's process ended early: …" goes on
TOO_MANY_PROCESSES = Text("プロセスを {n} 個より多く起動したため、採点側が止めました",
                          "it started more than {n} processes, so the grader stopped it")
TOO_MUCH_DATA = Text("採点側が受け取れる量より多くのデータを送り返しました", "sent back more data than the grader accepts")
TOO_MANY_PARTS = Text("要素が {n} 個を超える値を送り返しました（採点側が読む上限を超えています）",
                      "it sent back a value of more than {n} parts, more than the grader reads")
PIPE_CLOSED = Text("採点側が結果を読むパイプを閉じました", "it closed the pipe the grader reads results from")
ENDED_EARLY = Text("プロセスが最後まで終わりませんでした", "the process ended before finishing")
EXITED = Text("プロセスが終了コード {code} で途中終了しました", "the process exited with code {code} before finishing")
KILLED = Text("プロセスがシグナル {signal} で強制終了されました", "the process was killed by {signal}")
CANNOT_SEND = Text("このプラットフォームではチェックを別プロセスに渡せません（{why}）",
                   "the checks cannot be sent to a separate process on this platform ({why})")
DID_NOT_START = Text("学習者のプロセスが {n:g} 秒以内に起動しませんでした",
                     "the learner's process did not start within {n:g} s")
CANNOT_COMPILE = Text("{name}: コンパイルできません: {why}", "{name}: cannot compile: {why}")


@dataclass(frozen=True)
class LoadFailure:
    """The learner's file could not be loaded: nothing could be checked."""

    kind: str            # syntax | exception
    message: str | Text  # one line (plus a caret line for syntax errors); Python's own words stay as they are
    output: str = ""


@dataclass
class RunResult:
    """What came back from one run: per-probe records, or why the run ended early."""

    load_failure: LoadFailure | None = None
    records: dict = field(default_factory=dict)   # probe name -> {"ok": bool, ...}
    outputs: dict = field(default_factory=dict)   # probe name -> printed text
    timed_out: bool = False
    died: Text | None = None                      # how the process ended early, if it did
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
        return None, LoadFailure("syntax", CANNOT_COMPILE.fill(name=os.path.basename(path), why=str(exc)))


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


def start_method(platform: str | None = None, has_fork: bool | None = None,
                 has_address_limit: bool | None = None) -> str:
    """'fork' where the learner's process can be forked and its memory capped (Linux), else 'spawn'.

    macOS has fork and RLIMIT_AS, but does not enforce the limit and forking a process that has
    used its system frameworks is unsafe; Windows has neither. DRILL_START_METHOD overrides.
    """
    forced = os.environ.get("DRILL_START_METHOD", "")
    if forced in ("fork", "spawn"):
        return forced
    platform = sys.platform if platform is None else platform
    has_fork = hasattr(os, "fork") if has_fork is None else has_fork
    if has_address_limit is None:
        try:
            import resource
        except ImportError:
            has_address_limit = False
        else:
            has_address_limit = hasattr(resource, "RLIMIT_AS")
    if has_fork and has_address_limit and platform.startswith("linux"):
        return "fork"
    return "spawn"


def _processes():
    """(pid, ppid, pgid, sid, state) of every process in /proc; nothing where there is no /proc."""
    try:
        names = os.listdir("/proc")
    except OSError:
        return
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        try:
            yield int(name), int(fields[1]), int(fields[2]), int(fields[3]), fields[0].decode()
        except (IndexError, ValueError):
            continue


def _set_subreaper(on: bool) -> bool:
    """Linux: while on, orphaned descendants of the learner's process (a daemon that left its
    session, say) become this process's children instead of init's, so they can be found and killed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(36, int(on), 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError, TypeError):
        return False


def _strays(session: int, keep: set) -> tuple[list[int], list[int]]:
    """Processes the learner's code left: (living, zombies we must reap). Living ones are those in
    the learner's session or process group, and orphans adopted by this process."""
    me = os.getpid()
    living, zombies = [], []
    for pid, ppid, pgid, sid, state in _processes():
        if pid == me or pid in keep:
            continue
        ours = ppid == me
        if state == "Z":
            if ours:
                zombies.append(pid)
        elif sid == session or pgid == session or ours:
            living.append(pid)
    return living, zombies


def _kill_strays(session: int, keep: set, budget: float = 2.0) -> None:
    """SIGKILL every process the learner's code left behind and reap the ones that become ours."""
    stop = time.monotonic() + budget
    while True:
        living, zombies = _strays(session, keep)
        for pid in living:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        for pid in zombies:
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
        if (not living and not zombies) or time.monotonic() > stop:
            return
        if not zombies:
            time.sleep(0.005)  # give the killed ones a moment to become zombies


def _count_started(session: int, keep: set) -> int:
    return len(_strays(session, keep)[0])


def _die_with_parent(parent: int) -> None:
    """Linux: the learner's process gets SIGKILL when the grader's dies (say, killed mid-run)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):
        return
    if os.getppid() != parent:  # the grader died before the line above took effect
        _hard_exit(EXIT_RUNNER_FAILED)


def _child(path: str, code, probes: list, result_fd: int, out_fd: int, parent: int | None = None) -> None:
    """Body of the learner's process. Never returns: always ends in os._exit."""
    status = 0
    try:
        if parent is not None:
            _die_with_parent(parent)
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
        _close_all_but(result_fd)  # the grader's other files (a pipe to `drill`, the history) are not the learner's
        try:
            import resource
        except ImportError:  # Windows: no limits but the timeout
            resource = None

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
        if hasattr(signal, "SIGXFSZ"):
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_DFL)

        import types

        module = types.ModuleType("learner")
        module.__file__ = path
        sys.modules["learner"] = module
        sys.path.insert(0, os.path.dirname(path))
        reserve = bytearray(RESERVE)  # freed to describe a MemoryError when memory has run out
        try:
            exec(code, module.__dict__)
        except BaseException as exc:  # noqa: BLE001 - the learner's import may raise anything
            del reserve
            module.__dict__.clear()  # what the module's top level allocated (it may have filled memory)
            _write_all(result_fd, wire.dumps({"load_error": _describe(exc, path)}))
            _hard_exit(0)
        for name, probe in probes:
            start = _tell(1)
            try:
                value = probe(module)
                record = {"probe": name, "ok": True, "value": wire.encode_cases(value)}
            except NotImplementedError as exc:
                record = {"probe": name, "ok": False, "not_implemented": True,
                          "error": learner_location(exc, path) or "NotImplementedError"}
            except BaseException as exc:  # noqa: BLE001
                reserve = None  # room to describe it, should memory have run out
                record = {"probe": name, "ok": False, "error": _describe(exc, path),
                          "exc_type": type(exc).__name__}
                reserve = _reserve_again()
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except BaseException:  # noqa: BLE001 - the learner may have closed it
                    pass
            end = _tell(1)
            if start is not None and end is not None:
                record["out"] = [start, end]
            _write_all(result_fd, wire.dumps(record))
    except OSError as exc:
        status = EXIT_PIPE_LOST if exc.errno in (errno.EBADF, errno.EPIPE) else EXIT_RUNNER_FAILED
    except BaseException:  # noqa: BLE001
        status = EXIT_RUNNER_FAILED
    finally:
        _hard_exit(status)


def _close_all_but(keep: int) -> None:
    """Close every descriptor from 3 up except `keep` (on Linux one close_range call each side)."""
    try:
        import resource
    except ImportError:  # Windows: a spawned process inherits no other descriptors
        return
    try:
        top = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (ValueError, OSError):
        top = 1 << 16
    if top == resource.RLIM_INFINITY or top <= 0:
        top = 1 << 20
    os.closerange(3, keep)
    os.closerange(keep + 1, max(top, keep + 1))


def _describe(exc: BaseException, path: str) -> str:
    """learner_frames(exc), or just the exception's type and text when even that runs out of memory."""
    try:
        return learner_frames(exc, path)
    except MemoryError:
        exc.__traceback__ = None  # the learner's frames, and whatever their locals hold
        try:
            return f"{type(exc).__name__}: {exc}"[:500]
        except MemoryError:
            return type(exc).__name__


def _reserve_again():
    try:
        return bytearray(RESERVE)
    except MemoryError:
        return None


def _read_output(fh, span) -> str:
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


def start(source: str, path: str, probes: list[tuple[str, Callable]], timeout: float) -> "Run":
    """Start loading the learner's `source` (named `path` in tracebacks) in a fresh process that calls
    each probe(module) there, in order. The timeout counts from here; `wait()` gives the RunResult.

    The caller may work between the two (compute what only the judge needs) while the learner's
    code runs: nothing computed after `start` ever reaches the learner's process.
    """
    started = time.monotonic()
    code, failure = compile_source(source, path)
    if failure is not None:
        return _Finished(RunResult(load_failure=failure, duration_s=time.monotonic() - started))
    if start_method() == "spawn":
        return _SpawnRun(source, path, probes, timeout, started)
    return _ForkRun(code, path, probes, timeout, started)


def run(source: str, path: str, probes: list[tuple[str, Callable]], timeout: float) -> RunResult:
    """start(...).wait(): the learner's source run with the probes, nothing done meanwhile."""
    return start(source, path, probes, timeout).wait()


class Run:
    """A started run: `wait()` (once) supervises it to the end and returns what came back. Used as a
    context manager, leaving the block without waiting (an error, Ctrl-C) kills the learner's process."""

    def wait(self) -> RunResult:
        raise NotImplementedError

    def cancel(self) -> object:
        """Stop the learner's process and all it started (nothing when it has ended already)."""
        return None

    def __enter__(self) -> "Run":
        return self

    def __exit__(self, *exc_info) -> None:
        self.cancel()


class _Finished(Run):
    """A run that ended before any process started (the source does not compile)."""

    def __init__(self, result: RunResult):
        self._result = result

    def wait(self) -> RunResult:
        return self._result


class _ForkRun(Run):
    """The learner's process forked from this one (Linux): numpy already imported, no start-up."""

    def __init__(self, code, path: str, probes: list, timeout: float, started: float):
        self._probes, self._started, self._deadline = probes, started, started + timeout
        self._out_file = tempfile.TemporaryFile()
        read_fd, write_fd = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        self._keep = {pid for pid, ppid, *_ in _processes() if ppid == os.getpid()}  # children we had before
        self._adopting = _set_subreaper(True)
        grader_pid = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(read_fd)
            _child(path, code, probes, write_fd, self._out_file.fileno(), grader_pid)
            _hard_exit(3)  # _child never returns; should the learner have broken that, never run our code
        os.close(write_fd)
        self._pid, self._read_fd = pid, read_fd

    def wait(self) -> RunResult:
        pid, read_fd, started = self._pid, self._read_fd, self._started
        result = RunResult()
        buffer = bytearray()
        exit_status = None
        pipe_closed = False
        next_count = started + 0.1
        try:
            while True:
                now = time.monotonic()
                remaining = self._deadline - now
                if remaining <= 0:
                    result.timed_out = True
                    break
                if now >= next_count:  # a fork loop: root ignores RLIMIT_NPROC, so count ourselves
                    next_count = now + 0.1
                    if _count_started(pid, self._keep) > PROCESS_LIMIT:
                        result.died = TOO_MANY_PROCESSES.fill(n=PROCESS_LIMIT)
                        break
                ready, _, _ = select.select([read_fd], [], [], min(remaining, 0.05))
                if ready:
                    chunk = os.read(read_fd, 1 << 16)
                    if not chunk:
                        exit_status, pipe_closed = _wait_briefly(pid, min(0.2, max(remaining, 0)))
                        break
                    buffer.extend(chunk)
                    if len(buffer) > RESULT_LIMIT:
                        result.died = TOO_MUCH_DATA
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
            exit_status = self.cancel(exit_status)
        how = None if exit_status is None else _wait_status_text(exit_status)
        return _finish(result, buffer, self._probes, self._out_file, how, pipe_closed, started)

    def cancel(self, exit_status: int | None = None) -> int | None:
        """Kill the learner's process and all it started, once; its wait status if known."""
        if self._read_fd is None:
            return exit_status
        pid = self._pid
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
        os.close(self._read_fd)
        self._read_fd = None
        _kill_strays(pid, self._keep)
        if self._adopting:
            _set_subreaper(False)
        return exit_status


def _wait_briefly(pid: int, grace: float) -> tuple[int | None, bool]:
    """After EOF on the result pipe: (wait status, False) if the child ends within `grace`, else
    (None, True): it closed the pipe itself and lives on."""
    stop = time.monotonic() + grace
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status, False
        if time.monotonic() >= stop:
            return None, True
        time.sleep(0.002)


def _wait_status_text(status: int) -> Text:
    """'the process was killed by SIGSEGV' / 'the process exited with code 3 before finishing'."""
    if os.WIFSIGNALED(status):
        return _signal_text(os.WTERMSIG(status))
    if os.WIFEXITED(status):
        return _exit_code_text(os.WEXITSTATUS(status))
    return ENDED_EARLY


def _exit_code_text(code: int) -> Text:
    if code == EXIT_PIPE_LOST:
        return PIPE_CLOSED
    return EXITED.fill(code=code)


def _signal_text(sig: int) -> Text:
    try:
        signame = signal.Signals(sig).name
    except ValueError:
        signame = str(sig)
    return KILLED.fill(signal=signame)


def _finish(result: RunResult, buffer: bytearray, probes: list, out_file, how: Text | None,
            pipe_closed: bool, started: float) -> RunResult:
    """Read the records in `buffer` (plain JSON, bounded in size and parts) into `result`; say why
    the run ended early when a probe's record is missing."""
    oversized = False
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
            result.load_failure = LoadFailure("exception", str(record["load_error"]))
            continue
        name = record.get("probe")
        if isinstance(name, str) and name not in result.records:
            result.records[name] = record
            result.outputs[name] = _read_output(out_file, record.get("out"))
    finished_cleanly = (all(name in result.records for name, _ in probes)
                        or result.load_failure is not None)
    if not finished_cleanly and not result.timed_out and result.died is None:
        if oversized:
            result.died = TOO_MANY_PARTS.fill(n=wire.RECORD_PARTS_LIMIT)
        elif pipe_closed:
            result.died = PIPE_CLOSED
        else:
            result.died = how or ENDED_EARLY
    if result.load_failure is not None:
        size = os.fstat(out_file.fileno()).st_size
        printed = _read_output(out_file, [0, size])
        result.load_failure = LoadFailure(result.load_failure.kind, result.load_failure.message, printed)
    out_file.close()
    result.duration_s = time.monotonic() - started
    return result


class _SpawnRun(Run):
    """The run where fork cannot be used (Windows, macOS): a fresh interpreter gets the source and
    the probes (pickled by the grader, read by the child: trust flows one way only) and sends its
    records back as JSON lines on its stdout. Its own start-up does not count; the timeout then kills it."""

    def __init__(self, source: str, path: str, probes: list, timeout: float, started: float):
        import pickle
        import subprocess
        import threading

        self._probes, self._timeout, self._started = probes, timeout, started
        self._proc = None
        self._returncode: int | None = None
        self._early = RunResult()
        hidden = sys.modules.get("grader.hidden")
        payload = {"path": path, "source": source, "probes": probes,
                   "hidden_path": list(getattr(hidden, "__path__", []) or [])}
        try:
            blob = pickle.dumps(payload)
        except Exception as exc:  # noqa: BLE001 - a probe built in a closure cannot be sent
            self._early.died = CANNOT_SEND.fill(why=type(exc).__name__)
            return
        handle, self._payload_path = tempfile.mkstemp(prefix="drill-probes-")
        with os.fdopen(handle, "wb") as fh:
            fh.write(blob)
        handle, self._out_path = tempfile.mkstemp(prefix="drill-output-")
        os.close(handle)
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        bootstrap = f"import sys; sys.path.insert(0, {root!r}); from grader.runner import _spawn_main; _spawn_main()"
        sys.stdout.flush()
        sys.stderr.flush()
        self._keep = {pid for pid, ppid, *_ in _processes() if ppid == os.getpid()}
        self._adopting = _set_subreaper(True)
        with open(self._out_path, "ab") as early_errors:
            proc = subprocess.Popen([sys.executable, "-c", bootstrap, self._payload_path, self._out_path],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=early_errors,
                                    start_new_session=hasattr(os, "setsid"))
        self._proc = proc
        self._buffer = bytearray()
        self._ready = threading.Event()
        self._overflow = threading.Event()

        def pump():
            while True:
                chunk = proc.stdout.read1(1 << 16)
                self._ready.set()
                if not chunk:
                    return
                if len(self._buffer) + len(chunk) > RESULT_LIMIT:
                    self._overflow.set()
                    return
                self._buffer.extend(chunk)

        self._reader = threading.Thread(target=pump, daemon=True)
        self._reader.start()

    def wait(self) -> RunResult:
        if self._proc is None:
            self._early.duration_s = time.monotonic() - self._started
            return self._early
        result, proc = RunResult(), self._proc
        try:
            if not self._ready.wait(SPAWN_STARTUP_LIMIT):
                result.died = DID_NOT_START.fill(n=SPAWN_STARTUP_LIMIT)
            else:
                deadline = time.monotonic() + self._timeout
                while proc.poll() is None:
                    if self._overflow.is_set():
                        result.died = TOO_MUCH_DATA
                        break
                    if time.monotonic() >= deadline:
                        result.timed_out = True
                        break
                    self._reader.join(0.02)
        finally:
            returncode = self.cancel()
        how = _signal_text(-returncode) if returncode < 0 else _exit_code_text(returncode)
        with open(self._out_path, "rb") as out_file:
            finished = _finish(result, self._buffer, self._probes, out_file, how, False, self._started)
        try:
            os.remove(self._out_path)
        except OSError:
            pass
        return finished

    def cancel(self) -> int:
        """Kill the learner's process and all it started; its return code."""
        proc = self._proc
        if proc is None:
            return 0
        if self._returncode is not None:
            return self._returncode
        if hasattr(os, "killpg"):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        proc.kill()
        returncode = proc.wait()
        _kill_strays(proc.pid, self._keep)
        if self._adopting:
            _set_subreaper(False)
        self._reader.join(0.5)
        try:
            os.remove(self._payload_path)
        except OSError:
            pass
        self._returncode = returncode
        return returncode


def _spawn_main() -> None:  # pragma: no cover - runs in the spawned process
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

        _write_all(result_fd, wire.dumps({"load_error": str(failure.message)}))
        _hard_exit(0)
    _write_all(result_fd, b"\n")  # ready: the timeout starts now
    _child(path, code, payload["probes"], result_fd, out_fd, grader_pid)
