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
    assert data["hints_used"] == 1 and data["streak_days"] == 1  # the grades happen on DRILL_TODAY, the session clock
    assert data["areas"][0] == {"name": "1 Mathematics", "passed": 0, "total": 1}
    assert data["topics"] == [{"name": "mc", "passed": 1, "total": 8}]
    assert data["categories"] == [
        {"name": "Applied mathematics", "passed": 0, "total": 1},
        {"name": "Machine learning", "passed": 0, "total": 1},
        {"name": "Deep learning", "passed": 1, "total": 5},
        {"name": "Development environment", "passed": 0, "total": 1},
    ]
    assert data["items"][2] == {"name": "3-1-1 Multilayer perceptron", "passed": 1, "total": 5}
    text = cli("--workspace", mini, "stats").stdout
    assert text.split("\n")[6:17] == [
        "By score-report category",
        "  Applied mathematics                        ....................  0/1",
        "  Machine learning                           ....................  0/1",
        "  Deep learning                              ####................  1/5",
        "  Development environment                    ....................  0/1",
        "",
        "By syllabus item",
        "  1-3-1 Information theory                   ....................  0/1",
        "  2-1-10 Challenges of machine learning      ....................  0/1",
        "  3-1-1 Multilayer perceptron                ####................  1/5",
        "  5-2-1 Parallel and distributed processing  ....................  0/1",
    ]
    assert "  mc                                         ##..................  1/8" in text
    assert "grades, pass rate: 2, 50%" in text


def test_stats_in_japanese_name_the_score_report_categories(cli, mini):
    text = cli("--workspace", mini, "--lang", "ja", "stats").stdout.split("\n")
    start = text.index("スコアレポートの分野")
    assert [line.split()[0] for line in text[start + 1 : start + 5]] == ["応用数学", "機械学習", "深層学習", "開発環境"]


def test_a_long_item_name_is_cut_to_fit_the_terminal(monkeypatch):
    from grader import report
    from grader.stats import Progress, Stats

    monkeypatch.setenv("COLUMNS", "60")
    name = "2-1-7 教師あり学習④: 決定木・ランダムフォレスト・勾配ブースティング"
    text = report.stats_view(Stats(items=[Progress(name, 0, 2)]), "ja", fancy=False)
    line = next(line for line in text.split("\n") if line.startswith("  2-1-7"))
    from wcwidth import wcswidth

    assert wcswidth(line) <= 60 and "…" in line and line.endswith("  0/2")
