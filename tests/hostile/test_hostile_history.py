"""History survives faults: SIGKILL at random moments, two graders at once, a read-only workspace,
a full disk. Each `drill` is a real subprocess (see conftest.py)."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import threading

import pytest
from grader.history import History
from grader.results import CheckResult, ProblemResult

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc, uses SIGKILL")

REFERENCE = """def double(x):
    return 2 * x


class Double:
    def forward(self, x):
        return 2 * x

    def backward(self, dout):
        return 2 * dout
"""
FILES = {"hx_layer": "exercises/hx/hx_layer.py", "hx_twice": "exercises/hx/hx_twice.py"}


def history_rows(ws):
    conn = sqlite3.connect(ws / ".drill" / "history.sqlite")
    try:
        check = conn.execute("PRAGMA integrity_check").fetchall()
        rows = conn.execute("SELECT problem, status, file_hash FROM attempts").fetchall()
    finally:
        conn.close()
    return check, rows


def put(ws, problem, text) -> str:
    data = text.encode()
    (ws / FILES[problem]).write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def test_sigkill_at_random_moments_loses_nothing_that_was_reported(hostile, hostile_ws):
    """60 grades, two at a time (one per problem): a third let finish, the rest SIGKILLed at a random
    moment (half of them near the end, where the history is written). The database stays whole and
    every grade that printed its result has its attempt stored."""
    ws = hostile_ws
    put(ws, "hx_layer", REFERENCE)
    warm = hostile.run(ws, "grade", "hx_layer", "--json")
    assert warm.returncode == 0, warm.stderr
    seed = int.from_bytes(os.urandom(4), "little")
    rng = random.Random(seed)
    reported, killed, left, walls = [], [], [], [warm.wall_s * 1.5]
    lock = threading.Lock()

    def worker(problem, n):
        for i in range(n):
            with lock:
                typical = sorted(walls)[len(walls) // 2]  # how long a whole grade takes right now
                draw = rng.random()
                delay = (
                    None
                    if draw < 1 / 3
                    else rng.uniform(0, typical)
                    if draw < 2 / 3
                    else rng.uniform(0.8 * typical, 1.2 * typical)
                )
            digest = put(ws, problem, f"# run {i} of {problem}\n" + REFERENCE)
            run = hostile.run(ws, "grade", problem, "--json", kill_after=delay)
            with lock:
                left.extend(run.left_behind)
                if run.killed:
                    killed.append(digest)
                else:
                    assert run.returncode == 0 and run.json()["status"] == "pass", (seed, run.stderr)
                    reported.append(digest)
                    walls.append(run.wall_s)

    threads = [threading.Thread(target=worker, args=(p, 30)) for p in FILES]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(reported) + len(killed) == 60
    assert len(reported) >= 15 and len(killed) >= 15, (seed, len(reported), len(killed))
    check, rows = history_rows(ws)
    assert check == [("ok",)], seed
    stored = {h for _, _, h in rows}
    assert set(reported) <= stored, (seed, len(reported), len(stored))
    assert len(rows) <= 1 + len(reported) + len(killed)
    assert left == [], seed
    after = hostile.run(ws, "list")
    assert after.returncode == 0 and after.stderr == "", after.stderr


def test_two_graders_at_once_both_record(hostile, hostile_ws):
    """Both wait for a writer holding the database (busy timeout) and then record their attempt."""
    ws = hostile_ws
    put(ws, "hx_layer", REFERENCE)
    put(ws, "hx_twice", REFERENCE.replace("2 * x", "3 * x", 1))
    assert hostile.run(ws, "list").returncode == 0  # creates the history
    holder = sqlite3.connect(ws / ".drill" / "history.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a third writer holds the lock while both graders finish
    results = {}

    def grade(problem):
        results[problem] = hostile.run(ws, "grade", problem, "--json")

    threads = [threading.Thread(target=grade, args=(p,)) for p in FILES]
    for t in threads:
        t.start()
    threads[0].join(1.0)
    holder.execute("COMMIT")
    holder.close()
    for t in threads:
        t.join()
    assert results["hx_layer"].returncode == 0 and results["hx_twice"].returncode == 1
    assert results["hx_layer"].stderr == "" and results["hx_twice"].stderr == ""
    check, rows = history_rows(ws)
    assert check == [("ok",)]
    assert sorted((p, s) for p, s, _ in rows) == [("hx_layer", "pass"), ("hx_twice", "fail")]


def _can_mount() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], capture_output=True)
    return probe.returncode == 0


READ_ONLY = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
DISK_FULL = (
    'D="$0/.drill"; cp -a "$D" "$0/.saved" && mount -t tmpfs -o size=256k tmpfs "$D" && '
    'cp -a "$0/.saved/." "$D/" && { dd if=/dev/zero of="$D/fill" bs=4k 2>/dev/null; exec "$@"; }'
)


def _read_only_prefix(ws):
    """Run drill with `ws` read-only: a read-only bind mount for root (who ignores modes), else modes."""
    if _can_mount():
        return ("unshare", "-m", "sh", "-c", READ_ONLY, str(ws))
    if os.geteuid() == 0:
        pytest.skip("root without mount namespaces cannot make a read-only workspace")
    for folder, _dirs, files in os.walk(ws):
        for name in files:
            os.chmod(os.path.join(folder, name), 0o444)
        os.chmod(folder, 0o555)
    return ()


def _one_warning(run, *words):
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Warning: history at "), run.stderr
    assert all(w in lines[0] for w in words), lines[0]
    assert "Traceback" not in run.stdout


def test_read_only_workspace_grades_with_one_warning_line(hostile, hostile_ws):
    ws = hostile_ws
    put(ws, "hx_layer", REFERENCE.replace("2 * x", "3 * x", 1))
    assert hostile.run(ws, "grade", "hx_layer", "--json").returncode == 1  # one attempt on record
    prefix = _read_only_prefix(ws)
    run = hostile.run(ws, "grade", "hx_layer", "--json", prefix=prefix)
    assert run.returncode == 1 and run.json()["status"] == "fail"
    _one_warning(run, "read-only", "this session records nothing")
    listing = hostile.run(ws, "list", prefix=prefix)
    _one_warning(listing, "read-only")
    assert "failed" in listing.stdout  # the past is still shown
    if prefix:  # root: a read-only workspace that never had a history
        shutil.rmtree(ws / ".drill")
        fresh = hostile.run(ws, "grade", "hx_layer", "--json", prefix=prefix)
        assert fresh.returncode == 1
        _one_warning(fresh, "cannot be created", "read-only")


def test_full_disk_grades_with_one_warning_line(hostile, hostile_ws):
    if not _can_mount():
        pytest.skip("needs root and mount namespaces for a small tmpfs")
    ws = hostile_ws
    put(ws, "hx_layer", REFERENCE)
    assert hostile.run(ws, "grade", "hx_layer", "--json").returncode == 0
    run = hostile.run(ws, "grade", "hx_layer", "--json", prefix=("unshare", "-m", "sh", "-c", DISK_FULL, str(ws)))
    assert run.returncode == 0 and run.json()["status"] == "pass"
    _one_warning(run, "the disk is full", "this session records nothing")


def _result(status="fail"):
    return ProblemResult("p", status, 0, 3, "m", 0.1, (CheckResult("c", status, 0, 3, "m"),))


def test_a_disk_that_fills_up_mid_session_gives_a_warning_not_an_error(tmp_path):
    history = History.open(tmp_path / "history.sqlite")
    pages = history._conn.execute("PRAGMA page_count").fetchone()[0]
    history._conn.execute(f"PRAGMA max_page_count = {pages}")  # sqlite's own "disk full"
    for _ in range(1000):
        history.record_attempt(_result(), None)
        if history.warning:
            break
    assert (
        str(history.warning) == "history could not be written (database or disk is full); this result was not recorded."
    )
    history.close()


def test_a_read_only_history_is_shown_and_never_written(tmp_path, monkeypatch):
    path = tmp_path / ".drill" / "history.sqlite"
    first = History.open(path)
    first.record_attempt(_result("pass"), None)
    first.close()
    real_connect = sqlite3.connect

    def refuse_writable(target, *args, **kwargs):  # what a read-only mount does to a WAL database
        if "mode=ro" not in str(target):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", refuse_writable)
    shown = History.open(path)
    assert shown.usable and shown.read_only
    assert str(shown.warning).startswith(f"history at {path} cannot be written (")
    assert shown.statuses() == {"p": "passed"}
    shown.warning = None
    shown.record_attempt(_result(), None)
    assert shown.warning is None and len(shown.attempts("p")) == 1
