"""What `drill next` picks: due spaced-repetition reviews first (FSRS), then new problems in
catalog order whose prerequisites are passed. Imports neither numpy, sympy nor fsrs: due dates
are kept in the history; fsrs is imported only when a grade is recorded as a review."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone
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
    reason: str  # due | new | new_out_of_scope
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
    later = []  # problems on syllabus items the exam does not ask come after all the others
    for problem in catalog.problems:
        if statuses.get(problem.id) == "passed":
            continue
        if history is not None and history.card(problem.id) is not None:
            continue  # failed before and waiting for its (re)learning step
        if all(statuses.get(req) == "passed" for req in problem.requires):
            if not asked(problem):
                later.append(problem)
                continue
            return Pick(problem, "new")
    return Pick(later[0], "new_out_of_scope") if later else None


def asked(problem: Problem) -> bool:
    """Whether the exam asks any of the problem's syllabus items (a problem without any: yes)."""
    from grader import syllabus

    return not problem.syllabus or any(syllabus.ITEMS[i].asked for i in problem.syllabus)


DAY = 86400.0  # after a pass a problem comes back no sooner than a day later


class ReviewDecision(NamedTuple):
    """Whether a grade counted as a spaced-repetition review, why, and how it was rated.

    why: new (first grade), due (its review was due), relearning (failed last time: every try
    counts until it passes), unchanged (graded exactly as last time), unchanged_due (the same, with
    its review due: the learner should redo it), same_day (already passed today), not_due (its
    next review is later), error (nothing could run)."""

    counted: bool
    why: str
    rating: str | None = None
    due: float | None = None


def day_start(now: float) -> float:
    """Midnight of `now`'s day on the learner's clock."""
    return datetime.fromtimestamp(now).replace(hour=0, minute=0, second=0, microsecond=0).timestamp()


def decide(result: ProblemResult, history: History, problem_id: str, now: float, unchanged: bool) -> ReviewDecision:
    """Whether this grade is a review: only a new problem, a due one or one being relearnt after a
    fail; never content graded as it was last time, nor a second grade on the day of a pass."""
    if result.status == "error":
        return ReviewDecision(False, "error")
    card = history.card(problem_id)
    if card is not None and unchanged:
        due_now = card[2] != "again" and card[1] <= now
        return ReviewDecision(False, "unchanged_due" if due_now else "unchanged", None, card[1])
    if card is None:
        why = "new"
    else:
        _, due, last_rating, reviewed = card
        if last_rating == "again":
            why = "relearning"
        elif reviewed >= day_start(now):
            return ReviewDecision(False, "same_day", None, due)
        elif due <= now:
            why = "due"
        else:
            return ReviewDecision(False, "not_due", None, due)
    return ReviewDecision(True, why, rating_for(result, history, problem_id, now))


def rating_for(result: ProblemResult, history: History, problem_id: str, now: float) -> str:
    """again for a fail; for a pass: hard after a fail that day, or a hint, the solution or the
    explanation since the last review; easy when fast (within FAST_SECONDS of first seeing it that
    day) and unaided; else good."""
    if result.status != "pass":
        return "again"
    card = history.card(problem_id)
    helped = history.since(problem_id, card[3] if card else 0.0)
    today = history.since(problem_id, day_start(now) - 1e-6)
    if helped["hints"] or helped["solutions"] or helped["explanations"] or today["fails"]:
        return "hard"
    first_view = today["first_view"]
    if first_view is not None and now - first_view <= FAST_SECONDS:
        return "easy"
    return "good"


def review(history: History, problem_id: str, rating: str, now: float) -> float:
    """Record one FSRS review of `problem_id`; returns the next due time (seconds since the epoch),
    a day or more away after a pass (FSRS's learning steps are minutes: too soon to be a review)."""
    import json

    from fsrs import Card, Rating, Scheduler

    scheduler = Scheduler(enable_fuzzing=False)
    stored = history.card(problem_id)
    # to_dict/from_dict, not to_json/from_json: those came in fsrs 6.3, and pyproject allows 6.0
    card = Card.from_dict(json.loads(stored[0])) if stored else Card()
    when = datetime.fromtimestamp(now, tz=timezone.utc)
    card, _ = scheduler.review_card(card, Rating[rating.capitalize()], review_datetime=when)
    if rating != "again" and card.due < when + timedelta(seconds=DAY):
        card.due = when + timedelta(seconds=DAY)
    due = card.due.timestamp()
    history.save_card(problem_id, json.dumps(card.to_dict()), due, rating, now)
    return due
