"""`drill next` with FSRS: due reviews first, then new problems; deterministic with DRILL_TODAY."""

from __future__ import annotations

from grader.schedule import rating_for


def first_line(result):
    return result.stdout.splitlines()[0]


def test_session_new_fail_review(cli, mini, monkeypatch):
    monkeypatch.setenv("DRILL_TODAY", "2026-11-20")
    out = cli("--workspace", mini, "next", "--explain")
    assert first_line(out) == "Next: mc_pass — Double (passes) (3 points)"
    assert out.stdout.splitlines()[-1] == "Why: new, with no prerequisites"
    assert cli("--workspace", mini, "grade", "mc_pass").exit_code == 0
    out = cli("--workspace", mini, "next", "--explain")
    assert first_line(out) == "Next: mc_fail — Double (fails) (3 points)"
    assert out.stdout.splitlines()[-1] == "Why: new, and its prerequisites (mc_pass) are passed"
    assert cli("--workspace", mini, "grade", "mc_fail").exit_code == 1
    # the failed problem waits for its relearning step; a new one comes meanwhile
    assert first_line(cli("--workspace", mini, "next")) == "Next: mc_error — Double (syntax error) (3 points)"
    monkeypatch.setenv("DRILL_TODAY", "2026-11-21")
    out = cli("--workspace", mini, "next", "--explain")
    assert first_line(out) == "Review: mc_fail — Double (fails) (3 points)"
    assert out.stdout.splitlines()[-1] == "Why: a review due since 2026-11-21 00:00 UTC (last rated again)"


def test_passed_problem_comes_back_when_due(cli, mini, monkeypatch):
    monkeypatch.setenv("DRILL_TODAY", "2026-11-20")
    cli("--workspace", mini, "next")
    cli("--workspace", mini, "grade", "mc_pass")
    monkeypatch.setenv("DRILL_TODAY", "2026-11-21")
    assert first_line(cli("--workspace", mini, "next")) == "Next: mc_fail — Double (fails) (3 points)"
    monkeypatch.setenv("DRILL_TODAY", "2027-06-01")
    assert first_line(cli("--workspace", mini, "next")) == "Review: mc_pass — Double (passes) (3 points)"


def test_bad_today(cli, mini):
    result = cli("--workspace", mini, "next", "--today", "tomorrow")
    assert result.exit_code == 2
    assert result.stderr == "Error: cannot read the date 'tomorrow': write it as YYYY-MM-DD\n"


class FakeHistory:
    def __init__(self, **since):
        self.values = {"fails": 0, "hints": 0, "solutions": 0, "first_view": None, **since}

    def card(self, problem):
        return None

    def since(self, problem, after):
        return self.values


class Result:
    def __init__(self, status):
        self.status = status


def test_ratings():
    assert rating_for(Result("fail"), FakeHistory(), "p", 1000.0) == "again"
    assert rating_for(Result("pass"), FakeHistory(hints=1), "p", 1000.0) == "hard"
    assert rating_for(Result("pass"), FakeHistory(solutions=1), "p", 1000.0) == "hard"
    assert rating_for(Result("pass"), FakeHistory(fails=2), "p", 1000.0) == "hard"
    assert rating_for(Result("pass"), FakeHistory(first_view=900.0), "p", 1000.0) == "easy"
    assert rating_for(Result("pass"), FakeHistory(first_view=100.0), "p", 1000.0) == "good"
    assert rating_for(Result("pass"), FakeHistory(), "p", 1000.0) == "good"


def test_next_does_not_import_fsrs(mini):
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; from grader.cli import main\n"
        "try:\n    main(['--workspace', sys.argv[1], 'next'])\nexcept SystemExit:\n    pass\n"
        "print('fsrs' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(mini)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        check=True,
    ).stdout
    assert out.strip().splitlines()[-1] == "False False"
