"""A mock exam: answer problems drawn by syllabus-area weights, graded per area against a pass line."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from grader.catalog import Catalog, CheckSpec, Problem
    from grader.results import ProblemResult
    from grader.syllabus import Category

if TYPE_CHECKING:
    from grader.catalog import Problem

PASS_LINE = 0.65  # the catalog's exam.pass_line when it has one (JDLA publishes none; 65% is commonly cited)
ANSWER_LINE = re.compile(r"^\s*([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")


@dataclass(frozen=True)
class Question:
    """One drawn problem (a set of questions, 大問), the seed of its numbers, and the parts asked
    (all of them, unless the exam's count cut the last set short)."""

    problem: Problem
    seed: int
    parts: tuple[str, ...] = ()

    @property
    def asked(self) -> tuple[str, ...]:
        return self.parts or self.problem.parts


@dataclass
class Sitting:
    """A mock exam being sat: what was drawn, the answers so far (by question index), the seconds
    used, and the parts answered after time-up (not counted). Saved after every answer, so that an
    interrupted exam goes on with `drill exam --resume`."""

    seed: int
    questions: list[Question]
    minutes: float
    answers: dict[int, dict[str, str]] = field(default_factory=dict)
    used: float = 0.0
    late: list[str] = field(default_factory=list)

    @property
    def parts(self) -> int:
        return sum(len(q.asked) for q in self.questions)

    @property
    def answered(self) -> int:
        return sum(len(a) for a in self.answers.values())

    def seconds_left(self) -> float:
        return max(self.minutes * 60 - self.used, 0.0)

    def to_json(self) -> dict:
        return {
            "seed": self.seed,
            "minutes": self.minutes,
            "used": self.used,
            "questions": [[q.problem.id, q.seed, list(q.asked)] for q in self.questions],
            "answers": {str(i): a for i, a in self.answers.items()},
            "late": self.late,
        }

    @classmethod
    def from_json(cls, data: dict, catalog: Catalog) -> Sitting:
        """Rebuild a saved sitting; a question whose problem the catalog no longer has is dropped."""
        questions: list[Question] = []
        answers: dict[int, dict[str, str]] = {}
        for index, (problem_id, seed, parts) in enumerate(data["questions"]):
            problem = catalog.get(problem_id)
            if problem is None:
                continue
            kept = tuple(p for p in parts if p in problem.parts)
            answers_here = data.get("answers", {}).get(str(index))
            if answers_here:
                answers[len(questions)] = {k: str(v) for k, v in answers_here.items() if k in kept}
            questions.append(Question(problem, int(seed), kept))
        return cls(
            int(data["seed"]),
            questions,
            float(data["minutes"]),
            answers,
            float(data.get("used", 0.0)),
            list(data.get("late", [])),
        )


@dataclass(frozen=True)
class ExamPrompt:
    """One question (one part of a set), as the caller's `ask` function gets it."""

    number: int  # 1-based question number, over the whole exam
    total: int
    seconds_left: float
    problem: Problem
    statement: str  # with the question's numbers drawn
    part: str
    first: bool  # the set's first part asked now: show its header and statement
    again: str | None = None  # why the previous answer to this part was asked again (it could not be read)


@dataclass(frozen=True)
class PartRecord:
    """One part of a graded question: the answer given, the right one, and the verdict."""

    part: str
    answer: str
    status: str
    expected: str
    message: str
    diagnosis: str | None = None


@dataclass(frozen=True)
class QuestionRecord:
    """One graded question."""

    problem: str
    area: int
    seed: int
    status: str
    score: float
    max_score: float
    parts: tuple[PartRecord, ...]
    shuffled: bool = False  # its options were shown in the order its seed draws (statement.shuffled)


@dataclass(frozen=True)
class ExamRecord:
    """A finished mock exam, as it is shown, stored in the history and reviewed."""

    seed: int
    questions: tuple[QuestionRecord, ...]
    unanswered: int = 0
    timed_out: bool = False
    late: tuple[str, ...] = ()  # "problem.part" answered after time-up, not counted
    pass_line: float = PASS_LINE

    @property
    def score(self) -> float:
        return sum(q.score for q in self.questions)

    @property
    def max_score(self) -> float:
        return sum(q.max_score for q in self.questions)

    @property
    def passed(self) -> bool:
        return self.max_score > 0 and self.score / self.max_score >= self.pass_line

    def by_category(self) -> list[tuple[Category, float, float]]:
        """(category, score, max score) of the score report's four categories that were asked."""
        from grader import syllabus

        totals = []
        for category in syllabus.CATEGORIES:
            inside = [q for q in self.questions if q.area in category.areas]
            if inside:
                totals.append((category, sum(q.score for q in inside), sum(q.max_score for q in inside)))
        return totals

    def by_area(self) -> dict[int, tuple[float, float]]:
        """{area: (score, max score)}, areas in order."""
        areas: dict[int, list[float]] = {}
        for question in self.questions:
            entry = areas.setdefault(question.area, [0.0, 0.0])
            entry[0] += question.score
            entry[1] += question.max_score
        return {a: (s, m) for a, (s, m) in sorted(areas.items())}

    def to_json(self) -> list[dict]:
        """The per-question details the history stores."""
        return [
            {
                "problem": q.problem,
                "area": q.area,
                "seed": q.seed,
                "status": q.status,
                "score": q.score,
                "max_score": q.max_score,
                "shuffled": q.shuffled,
                "parts": [
                    {
                        "part": p.part,
                        "answer": p.answer,
                        "status": p.status,
                        "expected": p.expected,
                        "message": p.message,
                        "diagnosis": p.diagnosis,
                    }
                    for p in q.parts
                ],
            }
            for q in self.questions
        ]

    @classmethod
    def from_json(cls, stored: dict) -> ExamRecord:
        """Rebuild from the history's row: {"seed", "details"} (records before `area` was kept read as 0)."""
        questions = tuple(
            QuestionRecord(
                q["problem"],
                int(q.get("area", 0)),
                q["seed"],
                q["status"],
                q["score"],
                q["max_score"],
                tuple(
                    PartRecord(p["part"], p["answer"], p["status"], p["expected"], p["message"], p.get("diagnosis"))
                    for p in q["parts"]
                ),
                bool(q.get("shuffled", False)),
            )
            for q in stored["details"]
        )
        return cls(int(stored.get("seed", 0)), questions)


def draw(
    catalog: Catalog, seed: int, count: int, area: int | None = None, recent: Sequence[str] = ()
) -> list[Question]:
    """Sets of questions (answer problems: symbolic, choice, numeric) drawn by area weight until they
    hold `count` questions (parts); the last set is cut short if it would overshoot. No problem comes
    twice. Problems earlier exams drew (`recent`, the most recent exam's first) come only once no
    area has an undrawn one left, the least recently drawn first."""
    rng = random.Random(seed)
    last_seen: dict[str, int] = {}
    for rank, problem_id in enumerate(recent):
        last_seen.setdefault(problem_id, rank)  # 0: drawn by the last exam
    fresh: dict[int, list] = {}
    seen: dict[int, list] = {}
    for problem in catalog.problems:
        if not problem.is_code and (area is None or problem.area == area):
            (seen if problem.id in last_seen else fresh).setdefault(problem.area, []).append(problem)
    for problems in [*fresh.values(), *seen.values()]:
        rng.shuffle(problems)
    for problems in seen.values():  # popped from the end: the least recently drawn last
        problems.sort(key=lambda p: last_seen[p.id])
    chosen: list[Question] = []
    asked = 0
    while asked < count:
        pool = fresh if any(fresh.values()) else seen
        areas = [a for a in pool if pool[a]]
        if not areas:
            break
        weights = [catalog.areas[a].weight if a in catalog.areas else 0.1 for a in areas]
        pick = rng.choices(areas, weights=weights)[0]
        problem = pool[pick].pop()
        parts = problem.parts[: count - asked]
        chosen.append(Question(problem, rng.randrange(2**31), parts))
        asked += len(parts)
    return chosen


def parse_answers(text: str) -> dict[str, dict[str, str]]:
    """`problem_id.part = answer` lines (# comments allowed) into {problem: {part: answer}}."""
    answers: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        if line.strip().startswith("#"):
            continue
        match = ANSWER_LINE.match(line)
        if match:
            answers.setdefault(match.group(1), {})[match.group(2)] = match.group(3)
    return answers


def run(
    sitting: Sitting,
    lang: str,
    ask: Callable[[ExamPrompt], str],
    clock: Callable[[], float],
    save: Callable[[Sitting], None] | None = None,
    given: dict[str, dict[str, str]] | None = None,
    pass_line: float = PASS_LINE,
) -> ExamRecord:
    """Sit the exam: each part not yet answered is asked through `ask` while time is left (or taken
    from `given`); an answer that cannot be read is asked again, one given after time-up does not
    count. `save(sitting)` after every answer, and when anything (Ctrl-C) stops the sitting, so it
    can be resumed. Then each question is graded with its own numbers. Asked one by one, each set's
    options come in the order its seed draws; answers from `given` (a script's) use the catalog's
    letters, as `drill show` prints them."""
    from grader.grading import unreadable
    from grader.params import draw as draw_values
    from grader.statement import render

    start, used_before = clock(), sitting.used
    deadline = start + sitting.seconds_left()
    total = sitting.parts
    number = 0
    timed_out = False

    def tick() -> None:
        sitting.used = used_before + (clock() - start)

    try:
        for index, question in enumerate(sitting.questions):
            problem = as_asked(question.problem, question.seed, given is None)
            values = draw_values(problem, question.seed)
            answers = sitting.answers.setdefault(index, {})
            if given is not None:
                answers.update({k: v for k, v in given.get(problem.id, {}).items() if k in question.asked})
                number += len(question.asked)
                continue
            statement = render(problem, lang, values)
            first = True
            for part in question.asked:
                number += 1
                if part in answers or timed_out:
                    continue
                again = None
                while True:
                    left = deadline - clock()
                    if left <= 0:
                        timed_out = True
                        break
                    answer = ask(ExamPrompt(number, total, left, problem, statement, part, first, again))
                    first = False
                    if clock() > deadline:  # typed after time-up: not counted
                        sitting.late.append(f"{problem.id}.{part}")
                        timed_out = True
                        break
                    again = unreadable(problem, part, answer, lang, values) if answer.strip() else None
                    if again is None:
                        answers[part] = answer
                        break
                tick()
                if save is not None:
                    save(sitting)
    except BaseException:
        tick()
        if save is not None:
            save(sitting)
        raise
    tick()
    graded: list[QuestionRecord] = []
    unanswered = 0
    for index, question in enumerate(sitting.questions):
        answers = sitting.answers.get(index, {})
        if not answers:
            unanswered += 1
        graded.append(grade_question(question, answers, lang, shuffle=given is None))
    return ExamRecord(
        sitting.seed,
        tuple(graded),
        unanswered,
        timed_out=timed_out or (given is None and sitting.seconds_left() <= 0),
        late=tuple(sitting.late),
        pass_line=pass_line,
    )


def as_asked(problem: Problem, seed: int, shuffle: bool) -> Problem:
    """A question's problem as it was shown: with its options in the order its seed draws when `shuffle`."""
    from grader.statement import shuffled

    return shuffled(problem, seed) if shuffle else problem


def grade_question(question: Question, answers: dict[str, str], lang: str, shuffle: bool = False) -> QuestionRecord:
    """Grade the parts asked of one question (numbers drawn from the question's seed), as it was
    shown (`shuffle`: with its options in the order its seed draws)."""
    from grader.grading import grade
    from grader.params import draw as draw_values
    from grader.submission import Answers

    problem = as_asked(question.problem, question.seed, shuffle)
    values = draw_values(problem, question.seed)
    result: ProblemResult = grade(problem, Answers(dict(answers), None), lang=lang, values=values)
    asked = set(question.asked)
    parts = tuple(
        PartRecord(
            spec.part or spec.name,
            answers.get(spec.part or spec.name, ""),
            check.status,
            expected_answer(problem, spec, values),
            check.message,
            check.diagnosis,
        )
        for spec, check in zip(problem.checks, result.checks)
        if (spec.part or spec.name) in asked
    )
    kept = [c for spec, c in zip(problem.checks, result.checks) if (spec.part or spec.name) in asked]
    score, max_score = sum(c.points for c in kept), sum(c.max_points for c in kept)
    status = "pass" if all(c.status == "pass" for c in kept) else "fail"
    return QuestionRecord(problem.id, problem.area, question.seed, status, score, max_score, parts, shuffle)


def expected_answer(problem: Problem, spec: CheckSpec, values: dict) -> str:
    """The right answer of one part, for the review, as its kind shows it."""
    from grader.checks import kind

    shown = kind(spec.kind).expected_text
    assert shown is not None, f"{spec.kind} is an answer kind"
    return shown(spec.params, values)
