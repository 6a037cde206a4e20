"""History: attempts, hints and solutions recorded; an unusable file is kept and reported."""

from __future__ import annotations

from grader.history import History
from grader.results import CheckResult, ProblemResult


def result(pid, status, score):
    check = CheckResult("c", status, score, 3, "m")
    return ProblemResult(pid, status, score, 3, "m", 0.1, (check,))


def test_statuses_and_hints(tmp_path):
    history = History.open(tmp_path / ".drill" / "history.sqlite")
    history.record_attempt(result("a", "fail", 0), None)
    history.record_attempt(result("a", "pass", 3), None)
    history.record_attempt(result("b", "fail", 0), None)
    assert history.statuses() == {"a": "passed", "b": "failed"}
    assert history.hints_shown("a") == 0
    history.record_hint("a", 1)
    history.record_hint("a", 2)
    assert history.hints_shown("a") == 2
    history.close()
    again = History.open(tmp_path / ".drill" / "history.sqlite")
    assert again.statuses() == {"a": "passed", "b": "failed"} and len(again.attempts("a")) == 2


def test_corrupt_file_gives_warning_and_empty_store(tmp_path):
    path = tmp_path / "history.sqlite"
    path.write_bytes(b"garbage" * 200)
    history = History.open(path)
    assert not history.usable and str(history.warning).startswith(f"history at {path} cannot be used")
    history.record_attempt(result("a", "pass", 3), None)
    assert history.statuses() == {}
    assert path.read_bytes() == b"garbage" * 200
