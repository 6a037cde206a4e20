"""The supervisor of a learner's process started as a fresh interpreter (Windows, macOS)."""

from __future__ import annotations

import io
import os
import signal
import sys
import tempfile
import time
from collections.abc import Sequence

from grader.sandbox.limits import RESULT_LIMIT, SPAWN_STARTUP_LIMIT
from grader.sandbox.outcomes import CANNOT_SEND, DID_NOT_START, TOO_MUCH_DATA, RunOutcome
from grader.sandbox.processes import exit_code_text, kill_strays, processes, set_subreaper, signal_text
from grader.sandbox.records import read_records
from grader.sandbox.run import Run


class SpawnRun(Run):
    """The run where fork cannot be used (Windows, macOS): a fresh interpreter gets the source and
    the probes (pickled by the grader, read by the child: trust flows one way only) and sends its
    records back as JSON lines on its stdout. Its own start-up does not count; the timeout then kills it."""

    def __init__(self, source: str, path: str, probes: Sequence, timeout: float, started: float):
        import pickle
        import subprocess
        import threading

        self._probes, self._timeout, self._started = probes, timeout, started
        self._proc = None
        self._returncode: int | None = None
        self._early: RunOutcome | None = None
        hidden = sys.modules.get("grader.hidden")
        payload = {
            "path": path,
            "source": source,
            "probes": probes,
            "hidden_path": list(getattr(hidden, "__path__", []) or []),
        }
        try:
            blob = pickle.dumps(payload)
        except Exception as exc:  # noqa: BLE001 - a probe built in a closure cannot be sent
            self._early = RunOutcome(
                ended_early=CANNOT_SEND.fill(why=type(exc).__name__), duration_s=time.monotonic() - started
            )
            return
        handle, self._payload_path = tempfile.mkstemp(prefix="drill-probes-")
        with os.fdopen(handle, "wb") as fh:
            fh.write(blob)
        handle, self._out_path = tempfile.mkstemp(prefix="drill-output-")
        os.close(handle)
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # above grader/
        bootstrap = (
            f"import sys; sys.path.insert(0, {root!r}); from grader.sandbox.child import spawn_main; spawn_main()"
        )
        sys.stdout.flush()
        sys.stderr.flush()
        self._keep = {pid for pid, ppid, *_ in processes() if ppid == os.getpid()}
        self._adopting = set_subreaper(True)
        with open(self._out_path, "ab") as early_errors:
            proc = subprocess.Popen(
                [sys.executable, "-c", bootstrap, self._payload_path, self._out_path],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=early_errors,
                start_new_session=hasattr(os, "setsid"),
            )
        self._proc = proc
        self._buffer = bytearray()
        self._ready = threading.Event()
        self._overflow = threading.Event()

        stdout = proc.stdout
        assert isinstance(stdout, io.BufferedReader)  # stdout=PIPE, unbuffered=False

        def pump():
            while True:
                chunk = stdout.read1(1 << 16)
                self._ready.set()
                if not chunk:
                    return
                if len(self._buffer) + len(chunk) > RESULT_LIMIT:
                    self._overflow.set()
                    return
                self._buffer.extend(chunk)

        self._reader = threading.Thread(target=pump, daemon=True)
        self._reader.start()

    def wait(self) -> RunOutcome:
        if self._proc is None:
            assert self._early is not None  # why the process was never started
            return self._early
        proc = self._proc
        timed_out, ended_early = False, None
        try:
            if not self._ready.wait(SPAWN_STARTUP_LIMIT):
                ended_early = DID_NOT_START.fill(n=SPAWN_STARTUP_LIMIT)
            else:
                deadline = time.monotonic() + self._timeout
                while proc.poll() is None:
                    if self._overflow.is_set():
                        ended_early = TOO_MUCH_DATA
                        break
                    if time.monotonic() >= deadline:
                        timed_out = True
                        break
                    self._reader.join(0.02)
        finally:
            returncode = self.cancel()
        how = signal_text(-returncode) if returncode < 0 else exit_code_text(returncode)
        with open(self._out_path, "rb") as out_file:
            finished = read_records(
                self._buffer,
                self._probes,
                out_file,
                self._started,
                timed_out=timed_out,
                ended_early=ended_early,
                how=how,
            )
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
        kill_strays(proc.pid, self._keep)
        if self._adopting:
            set_subreaper(False)
        self._reader.join(0.5)
        try:
            os.remove(self._payload_path)
        except OSError:
            pass
        self._returncode = returncode
        return returncode
