"""`drill watch` end to end in a pseudo-terminal: save a fix, the re-grade appears, q stops it."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from grader import watch as watch_mod

REPO = Path(__file__).resolve().parent.parent


def read_until(fd: int, needle: str, timeout: float, seen: list[str], since: int = 0) -> bool:
    """Read until `needle` appears in the output after its first `since` characters."""
    deadline = time.monotonic() + timeout
    if needle in "".join(seen)[since:]:
        return True
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536).decode(errors="replace")
            except OSError:
                return needle in "".join(seen)
            seen.append(chunk)
            if needle in "".join(seen)[since:]:
                return True
    return False


@pytest.mark.parametrize("poll", [False, True])
def test_watch_regrades_on_save_and_quits_on_q(mini, poll):
    env = dict(os.environ, NO_COLOR="1", DRILL_LANG="en", PYTHONPATH=f"{REPO}{os.pathsep}{mini / 'hidden'}")
    code = (
        "import sys, grader.hidden; grader.hidden.__path__.append(sys.argv[1]); from grader.cli import main; "
        "main(sys.argv[2:], prog_name='drill')"
    )
    args = [sys.executable, "-c", code, str(mini / "hidden"), "--workspace", str(mini), "watch", "mc_fail"]
    if poll:
        args.append("--poll")
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    seen: list[str] = []
    try:
        assert read_until(master, "mc_fail: 0/3 points — FAIL", 20, seen), "".join(seen)
        assert "Watching exercises/mc/mc_fail.py" in "".join(seen)
        time.sleep(0.5)
        (mini / "exercises" / "mc" / "mc_fail.py").write_text("def double(x):\n    return 2 * x\n", encoding="utf-8")
        assert read_until(master, "mc_fail: 3/3 points — PASS", 20, seen), "".join(seen)
        # then it moves on: mc_pass is not passed yet and comes first
        assert read_until(master, "Passed! Next: mc_pass", 10, seen), "".join(seen)
        os.write(master, b"q\n")
        assert proc.wait(timeout=20) == 0
        assert "Stopped watching." in "".join(seen) or read_until(master, "Stopped watching.", 5, seen)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)


def test_changes_stop_event_ends_the_generator(tmp_path):
    path = tmp_path / "f.py"
    path.write_text("a", encoding="utf-8")
    stop = threading.Event()
    found = []

    def run():
        for how in watch_mod.changes(path, stop, poll=True):
            found.append(how)
            stop.set()

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.5)
    path.write_text("b", encoding="utf-8")
    thread.join(timeout=10)
    assert not thread.is_alive() and found == ["poll"]


def test_missing_events_switch_to_polling(tmp_path, monkeypatch):
    import watchfiles

    path = tmp_path / "f.py"
    path.write_text("a", encoding="utf-8")
    calls = []

    def fake_watch(*paths, force_polling=None, stop_event=None, **kwargs):
        calls.append(force_polling)
        if force_polling:
            path.write_text("c", encoding="utf-8")
            yield {(watchfiles.Change.modified, str(path))}
            return
        path.write_text("b", encoding="utf-8")  # changes, but no event ever reports it
        for _ in range(100):
            time.sleep(0.05)
            yield set()

    monkeypatch.setattr(watchfiles, "watch", fake_watch)
    stop = threading.Event()
    found = []
    for how in watch_mod.changes(path, stop):
        found.append(how)
        if len(found) == 2:
            break
    assert found == ["missed", "poll"] and calls == [None, True]


def _watch(mini: Path, problem: str, *extra: str):
    env = dict(os.environ, NO_COLOR="1", DRILL_LANG="en", PYTHONPATH=f"{REPO}{os.pathsep}{mini / 'hidden'}")
    code = (
        "import sys, grader.hidden; grader.hidden.__path__.append(sys.argv[1]); from grader.cli import main; "
        "main(sys.argv[2:], prog_name='drill')"
    )
    args = [sys.executable, "-c", code, str(mini / "hidden"), "--workspace", str(mini), "watch", problem, *extra]
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        args, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, start_new_session=True
    )
    os.close(slave)
    return proc, master


SLOW_AND_WRONG = "import time\ntime.sleep(4)\n\ndef double(x):\n    return x\n"
RIGHT = "def double(x):\n    return 2 * x\n"


def _during_a_slow_grade(mini: Path):
    """`drill watch mc_fail` on a file whose grade takes 4 s, once that grade is running."""
    path = mini / "exercises" / "mc" / "mc_fail.py"
    path.write_text(SLOW_AND_WRONG, encoding="utf-8")
    proc, master = _watch(mini, "mc_fail")
    seen: list[str] = []
    if not read_until(master, "Watching exercises/mc/mc_fail.py", 20, seen):
        proc.kill()
        os.close(master)
        pytest.fail("".join(seen))
    time.sleep(1.0)
    return path, proc, master, seen


def test_a_save_during_a_grade_stops_it_and_grades_the_new_save(mini):
    path, proc, master, seen = _during_a_slow_grade(mini)
    try:
        saved = time.monotonic()
        path.write_text(RIGHT, encoding="utf-8")
        assert read_until(master, "mc_fail: 3/3 points — PASS", 20, seen), "".join(seen)
        assert time.monotonic() - saved < 3.5  # not after the 4 s sleep of the stopped grade
        text = "".join(seen)
        assert "(saved during the grade: grading the new version)" in text
        assert "0/3 points" not in text  # the stopped grade says nothing
        assert re.search(r"── \d\d:\d\d:\d\d mc_fail ─+\r?\n", text), text
        # it stays on the problem after the pass: a broken save is graded there
        assert read_until(master, "Passed! Next: mc_pass (n + Enter to go on", 10, seen), "".join(seen)
        mark = len("".join(seen))
        path.write_text("def double(x):\n    return x\n", encoding="utf-8")
        assert read_until(master, "mc_fail: 0/3 points — FAIL", 20, seen, mark), "".join(seen)
        mark = len("".join(seen))
        path.write_text(RIGHT, encoding="utf-8")
        assert read_until(master, "mc_fail: 3/3 points — PASS", 20, seen, mark), "".join(seen)
        assert read_until(master, "Passed! Next: mc_pass", 10, seen, mark), "".join(seen)
        mark = len("".join(seen))
        os.write(master, b"n\n")
        assert read_until(master, "On to mc_pass", 10, seen, mark), "".join(seen)
        assert read_until(master, "Watching exercises/mc/mc_pass.py", 10, seen, mark), "".join(seen)
        assert read_until(master, "mc_pass: 3/3 points — PASS", 20, seen, mark), "".join(seen)
        os.write(master, b"q\n")
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)


def test_ctrl_c_stops_the_watch_with_exit_130_and_leaves_no_grade_running(mini):
    _, proc, master, seen = _during_a_slow_grade(mini)
    try:
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the terminal signals the whole foreground group
        assert proc.wait(timeout=20) == 130
        assert read_until(master, "Stopped watching.", 5, seen) or "Stopped watching." in "".join(seen)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-f", "time.sleep"], capture_output=True, text=True).stdout.split()
    assert not [
        pid for pid in left if Path(f"/proc/{pid}/cwd").exists() and str(mini) in os.readlink(f"/proc/{pid}/cwd")
    ]
