"""`drill stats`: figures by area and topic, counts, streak; ASCII without a terminal."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from grader import report
from grader.stats import streak


def ts(day: str) -> float:
    return datetime.fromisoformat(day).replace(tzinfo=timezone.utc).timestamp() + 3600


def test_streak_counts_consecutive_days():
    times = [ts("2026-11-18"), ts("2026-11-19"), ts("2026-11-20"), ts("2026-11-20")]
    assert streak(times, ts("2026-11-20")) == 3
    assert streak(times, ts("2026-11-21")) == 3  # nothing yet today: yesterday's streak stands
    assert streak(times, ts("2026-11-22")) == 0


def test_bar_ascii_and_unicode():
    assert report.bar(1, 4, 8, fancy=False) == "##......"
    assert report.bar(1, 3, 8, fancy=True) == "██▋     "


def test_stats_json_and_text(cli, mini, monkeypatch):
    monkeypatch.setenv("DRILL_TODAY", "2026-11-20")
    cli("--workspace", mini, "grade", "mc_pass")
    cli("--workspace", mini, "grade", "mc_fail")
    cli("--workspace", mini, "hint", "mc_fail")
    data = json.loads(cli("--workspace", mini, "stats", "--json").stdout)
    assert data["passed"] == 1 and data["total"] == 8 and data["attempts"] == 2 and data["pass_rate"] == 0.5
    assert data["hints_used"] == 1 and data["streak_days"] == 0  # DRILL_TODAY is not the real day of the grades
    assert data["areas"][0] == {"name": "1 Mathematics", "passed": 0, "total": 1}
    assert data["topics"] == [{"name": "mc", "passed": 1, "total": 8}]
    text = cli("--workspace", mini, "stats").stdout
    assert "  mc                            ##..................  1/8" in text
    assert "grades, pass rate: 2, 50%" in text
