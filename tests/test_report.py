"""Rendering: the scorecard's rows and summary line, colour only when asked."""

from __future__ import annotations

from grader import report
from grader.results import CheckResult, ProblemResult

RESULT = ProblemResult(
    "affine_backward",
    "fail",
    7,
    10,
    "1 of 2 checks did not pass",
    0.2,
    (
        CheckResult("forward", "pass", 7, 7, "all 2 cases match"),
        CheckResult("backward", "fail", 0, 3, "case 1: dW: wrong values", "dW is transposed", "debug print\n"),
    ),
)


def test_scorecard_plain():
    text = report.scorecard(RESULT, "en")
    lines = text.splitlines()
    assert lines[0].split() == ["check", "result", "points", "message"]
    assert lines[-1] == "affine_backward: 7/10 points — FAIL"
    assert "→ diagnosis: dW is transposed" in text
    assert "--- output (backward) ---" in text and "debug print" in text
    assert "\x1b[" not in text


def test_scorecard_colour_and_japanese():
    text = report.scorecard(RESULT, "ja", color=True)
    assert "\x1b[31m不合格\x1b[0m" in text
    assert text.splitlines()[-1] == "affine_backward: 7/10 点 — \x1b[31m不合格\x1b[0m"


def test_no_color_env(monkeypatch):
    class Tty:
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert report.use_color(Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not report.use_color(Tty())
