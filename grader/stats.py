"""Progress figures for `drill stats`: by topic and syllabus area, pass rate, help used, reviews due, streak."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from grader.catalog import Catalog
    from grader.history import History


@dataclass(frozen=True)
class Progress:
    """Passed out of total for one topic or area."""

    name: str
    passed: int
    total: int


@dataclass(frozen=True)
class Stats:
    """Everything `drill stats` shows."""

    topics: list = field(default_factory=list)
    areas: list = field(default_factory=list)
    categories: list = field(default_factory=list)  # the exam's score report: 応用数学, 機械学習, 深層学習, 開発環境
    items: list = field(default_factory=list)  # by syllabus 小項目 ("3-5-1 …"): a problem counts under each of its IDs
    passed: int = 0
    total: int = 0
    attempts: int = 0
    pass_rate: float = 0.0
    hints_used: int = 0
    solutions_viewed: int = 0
    explanations_viewed: int = 0
    due_today: int = 0
    due_this_week: int = 0
    streak_days: int = 0

    def to_json(self) -> dict:
        return asdict(self)


def _day(ts: float):
    """The learner's calendar day of a moment (in their time zone, as a streak is lived)."""
    return datetime.fromtimestamp(ts).date()


def streak(times: list[float], now: float) -> int:
    """Consecutive days with at least one attempt, ending today (or yesterday, if none yet today)."""
    days = {_day(t) for t in times}
    day = _day(now)
    if day not in days:
        day -= timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def compute(catalog: Catalog, history: History, now: float, lang: str) -> Stats:
    """The figures for `catalog` and `history` as of `now`."""
    from grader import syllabus

    statuses = history.statuses()
    topics: dict[str, list[int]] = {}
    areas: dict[int, list[int]] = {}
    categories: dict[int, list[int]] = {}
    items: dict[str, list[int]] = {}
    for problem in catalog.problems:
        passed = statuses.get(problem.id) == "passed"
        category = syllabus.CATEGORIES.index(syllabus.category_of(problem.area))
        entries = [topics.setdefault(problem.topic, [0, 0]), areas.setdefault(problem.area, [0, 0])]
        entries.append(categories.setdefault(category, [0, 0]))
        entries += [items.setdefault(item_id, [0, 0]) for item_id in problem.syllabus]
        for entry in entries:
            entry[0] += passed
            entry[1] += 1
    totals = history.totals()
    end_of_day = datetime.combine(_day(now), datetime.max.time()).timestamp()  # local midnight
    return Stats(
        topics=[Progress(k, v[0], v[1]) for k, v in sorted(topics.items())],
        areas=[Progress(f"{k} {catalog.area_name(k).get(lang)}", v[0], v[1]) for k, v in sorted(areas.items())],
        categories=[Progress(syllabus.CATEGORIES[k].name.get(lang), v[0], v[1]) for k, v in sorted(categories.items())],
        items=[
            Progress(f"{k} {syllabus.ITEMS[k].name.get(lang)}", v[0], v[1])
            for k, v in sorted(items.items(), key=lambda kv: [int(n) for n in kv[0].split("-")])
        ],
        passed=sum(v[0] for v in topics.values()),
        total=len(catalog.problems),
        attempts=totals["attempts"],
        pass_rate=(totals["passes"] / totals["attempts"]) if totals["attempts"] else 0.0,
        hints_used=totals["hints"],
        solutions_viewed=totals["solutions"],
        explanations_viewed=totals["explanations"],
        due_today=len(history.due_cards(end_of_day)),
        due_this_week=len(history.due_cards(end_of_day + 6 * 86400)),
        streak_days=streak(history.attempt_times(), now),
    )
