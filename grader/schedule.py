"""What `drill next` picks: due spaced-repetition reviews first (FSRS), then new problems in
catalog order whose prerequisites are passed. Imports neither numpy, sympy nor fsrs: due dates
are kept in the history; fsrs is imported only when a grade is recorded as a review."""

from __future__ import annotations

import os
import time
from datetime import datetime, timezone
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from grader.catalog import Catalog
    from grader.history import History
    from grader.results import ProblemResult

if TYPE_CHECKING:
    from grader.catalog import Problem

FAST_SECONDS = 300  # a first-try pass within 5 minutes of first seeing the problem counts as Easy


class Pick(NamedTuple):
    """The problem `drill next` shows, and why."""

    problem: Problem
    reason: str  # due | new | review_ahead
    due: float | None = None
    rating: str | None = None


def now_from(text: str | None) -> float:
    """Seconds since the epoch for --today / DRILL_TODAY (a date means the end of that day, and a
    time without a zone is the learner's local time)."""
    text = text or os.environ.get("DRILL_TODAY")
    if not text:
        return time.time()
    try:
        if len(text) == 10:
            return datetime.fromisoformat(text).replace(hour=23, minute=59, second=59).timestamp()
        return datetime.fromisoformat(text).timestamp()  # naive: local time
    except ValueError:
        from grader.errors import UsageError
        from grader.texts import Text

        raise UsageError(
            Text(
                "日付 '{text}' を読めません。YYYY-MM-DD の形で書いてください",
                "cannot read the date '{text}': write it as YYYY-MM-DD",
            ).fill(text=text)
        ) from None


def next_problem(
    catalog: Catalog, statuses: dict[str, str], history: History | None = None, now: float | None = None
) -> Pick | None:
    """Due reviews (earliest first), then the first new problem whose requires are passed."""
    if history is not None:
        for problem_id, due, rating in history.due_cards(time.time() if now is None else now):
            problem = catalog.get(problem_id)
            if problem is not None:
                return Pick(problem, "due", due, rating)
    for problem in catalog.problems:
        if statuses.get(problem.id) == "passed":
            continue
        if history is not None and history.card(problem.id) is not None:
            continue  # failed before and waiting for its (re)learning step
        if all(statuses.get(req) == "passed" for req in problem.requires):
            return Pick(problem, "new")
    return None


def rating_for(result: ProblemResult, history: History, problem_id: str, now: float) -> str:
    """again for a fail; hard after hints, a solution or failed tries; good; easy when fast."""
    if result.status != "pass":
        return "again"
    card = history.card(problem_id)
    last = card[3] if card else 0.0
    recent = history.since(problem_id, last)
    if recent["hints"] or recent["solutions"] or recent["fails"]:
        return "hard"
    first_view = recent["first_view"]
    if first_view is not None and now - first_view <= FAST_SECONDS:
        return "easy"
    return "good"


def review(history: History, problem_id: str, rating: str, now: float) -> float:
    """Record one FSRS review of `problem_id`; returns the next due time (seconds since the epoch)."""
    import json

    from fsrs import Card, Rating, Scheduler

    scheduler = Scheduler(enable_fuzzing=False)
    stored = history.card(problem_id)
    # to_dict/from_dict, not to_json/from_json: those came in fsrs 6.3, and pyproject allows 6.0
    card = Card.from_dict(json.loads(stored[0])) if stored else Card()
    when = datetime.fromtimestamp(now, tz=timezone.utc)
    card, _ = scheduler.review_card(card, Rating[rating.capitalize()], review_datetime=when)
    due = card.due.timestamp()
    history.save_card(problem_id, json.dumps(card.to_dict()), due, rating, now)
    return due
