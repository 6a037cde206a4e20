"""The runner where fork or RLIMIT_AS are missing (Windows, macOS): the start method is chosen,
and a spawned learner process gets the same verdicts, the same timeout and leaves nothing behind.

On Linux the spawn path is forced with DRILL_START_METHOD=spawn and driven end to end on part of
the hostile corpus, with the expectations of cases.yaml.
"""

from __future__ import annotations

import sys

import pytest
from grader import sandbox
from test_hostile_corpus import CASES, TIMEOUT, messages, place


@pytest.mark.parametrize(
    "platform, has_fork, has_limit, expected",
    [
        ("linux", True, True, "fork"),
        ("linux", True, False, "spawn"),  # no RLIMIT_AS: memory could not be capped
        ("linux", False, True, "spawn"),
        ("darwin", True, True, "spawn"),  # macOS has both, but does not enforce RLIMIT_AS
        ("win32", False, False, "spawn"),
        ("cygwin", True, True, "spawn"),
    ],
)
def test_start_method_follows_the_platform(monkeypatch, platform, has_fork, has_limit, expected):
    monkeypatch.delenv("DRILL_START_METHOD", raising=False)
    assert sandbox.start_method(platform, has_fork, has_limit) == expected


@pytest.mark.parametrize("forced", ["fork", "spawn"])
def test_start_method_can_be_forced(monkeypatch, forced):
    monkeypatch.setenv("DRILL_START_METHOD", forced)
    assert sandbox.start_method("win32" if forced == "fork" else "linux", True, True) == forced


def test_an_unknown_forced_method_is_ignored(monkeypatch):
    monkeypatch.setenv("DRILL_START_METHOD", "forkserver")
    assert sandbox.start_method("linux", True, True) == "fork"


def test_this_machine_gets_its_method(monkeypatch):
    monkeypatch.delenv("DRILL_START_METHOD", raising=False)
    assert sandbox.start_method() == ("fork" if sys.platform.startswith("linux") else "spawn")


SPAWNED = [
    "reference",
    "stub",
    "wrong_values",
    "loop_at_import",
    "loop_in_backward",
    "os_exit_in_method",
    "sys_exit_at_import",
    "keyboardinterrupt_in_method",
    "popen_sleep",
    "mutate_input",
    "patch_numpy",
    "nan_result",
    "syntax_error",
    "cp932",
    "missing",
]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the corpus reads /proc")
@pytest.mark.parametrize("name", SPAWNED)
def test_spawned_runner_gives_the_corpus_verdicts(hostile, tmp_path, name):
    spec = CASES[name]
    ws = hostile.workspace(tmp_path)
    place(ws, name, spec)
    run = hostile.run(
        ws, "grade", "hx_layer", "--json", timeout=TIMEOUT + 30, env_extra={"DRILL_START_METHOD": "spawn"}
    )
    assert not run.hung
    assert "Traceback" not in run.stderr + run.stdout and run.stderr.strip() == ""
    assert run.returncode == spec.get("exit", 1)
    data = run.json()
    assert data["status"] == spec["status"], messages(data)
    wanted = spec["message"] if isinstance(spec["message"], list) else [spec["message"]]
    assert any(w in m for w in wanted for m in messages(data)), messages(data)
    assert data["duration_s"] <= TIMEOUT + 5.0  # + the start of a fresh interpreter, which does not count
    assert run.left_behind == []
