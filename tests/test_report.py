"""Rendering: the scorecard's rows and summary line, colour only when asked."""

from __future__ import annotations

import pytest
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


def _list_cells(lang: str, room: int) -> tuple[list[str], list[list[str]]]:
    """`drill list`'s headers and cells for the real catalog, the titles wrapped into `room` columns."""
    from pathlib import Path

    from grader import catalog as catalog_mod
    from grader import terminal

    real = catalog_mod.load(Path(__file__).resolve().parent.parent / "problems.yaml")
    L = report.LABELS[lang]
    headers = [L[n] for n in ("id", "topic", "kind", "status", "points", "file", "title")]
    cells = [
        [p.id, p.topic, report.KINDS[p.kind].get(lang), L["new"], f"{p.points:g}", p.file, p.title.get(lang)]
        for p in real.problems
    ]
    for row in cells:
        row[-1] = terminal.wrap(row[-1], room)
    return headers, cells


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("room", [24, 40, 200])
def test_the_list_table_is_laid_out_as_tabulate_lays_it_out(lang, room):
    from tabulate import tabulate

    headers, cells = _list_cells(lang, room)
    assert report.simple_table(headers, cells) == tabulate(
        cells, headers=headers, tablefmt="simple", disable_numparse=True
    )


@pytest.mark.parametrize(
    ("headers", "rows"),
    [
        (["id", "mid", "last"], [["a", "m1\nm2", ""], ["b", "", "z"], ["ccc", "中", "終わり\nふたつ"]]),
        (["状態", "題"], []),
        (["x"], [["日本語"], ["ab"]]),
    ],
)
def test_the_list_table_s_edges_match_tabulate(headers, rows):
    from tabulate import tabulate

    assert report.simple_table(headers, rows) == tabulate(
        rows, headers=headers, tablefmt="simple", disable_numparse=True
    )
