"""Process helpers shared by the sandbox's supervisors and the forked helpers (grader/forking.py):
the /proc scan, the subreaper, strays, the parent-death signal, closing descriptors, wait-status
text, writing all of a buffer."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator

from grader.sandbox.limits import EXIT_PIPE_LOST, EXIT_RUNNER_FAILED
from grader.sandbox.outcomes import ENDED_EARLY, EXITED, KILLED, PIPE_CLOSED
from grader.texts import Text

hard_exit = os._exit  # bound at import: learner code may rebind os._exit in its process


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def tell(fd: int) -> int | None:
    try:
        return os.lseek(fd, 0, os.SEEK_CUR)
    except OSError:  # the learner closed or replaced the descriptor
        return None


def start_method(
    platform: str | None = None, has_fork: bool | None = None, has_address_limit: bool | None = None
) -> str:
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


def processes() -> Iterator[tuple[int, int, int, int, str]]:
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


def set_subreaper(on: bool) -> bool:
    """Linux: while on, orphaned descendants of the learner's process (a daemon that left its
    session, say) become this process's children instead of init's, so they can be found and killed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(36, int(on), 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError, TypeError):
        return False


def strays(session: int, keep: set) -> tuple[list[int], list[int]]:
    """Processes the learner's code left: (living, zombies we must reap). Living ones are those in
    the learner's session or process group, and orphans adopted by this process."""
    me = os.getpid()
    living, zombies = [], []
    for pid, ppid, pgid, sid, state in processes():
        if pid == me or pid in keep:
            continue
        ours = ppid == me
        if state == "Z":
            if ours:
                zombies.append(pid)
        elif sid == session or pgid == session or ours:
            living.append(pid)
    return living, zombies


def kill_strays(session: int, keep: set, budget: float = 2.0) -> None:
    """SIGKILL every process the learner's code left behind and reap the ones that become ours."""
    stop = time.monotonic() + budget
    while True:
        living, zombies = strays(session, keep)
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


def count_started(session: int, keep: set) -> int:
    return len(strays(session, keep)[0])


def die_with_parent(parent: int) -> None:
    """Linux: the learner's process gets SIGKILL when the grader's dies (say, killed mid-run)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):
        return
    if os.getppid() != parent:  # the grader died before the line above took effect
        hard_exit(EXIT_RUNNER_FAILED)


def close_all_but(keep: int) -> None:
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


def wait_briefly(pid: int, grace: float) -> tuple[int | None, bool]:
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


def wait_status_text(status: int) -> Text:
    """'the process was killed by SIGSEGV' / 'the process exited with code 3 before finishing'."""
    if os.WIFSIGNALED(status):
        return signal_text(os.WTERMSIG(status))
    if os.WIFEXITED(status):
        return exit_code_text(os.WEXITSTATUS(status))
    return ENDED_EARLY


def exit_code_text(code: int) -> Text:
    if code == EXIT_PIPE_LOST:
        return PIPE_CLOSED
    return EXITED.fill(code=code)


def signal_text(sig: int) -> Text:
    try:
        signame = signal.Signals(sig).name
    except ValueError:
        signame = str(sig)
    return KILLED.fill(signal=signame)
