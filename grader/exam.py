"""A mock exam: answer problems drawn by syllabus-area weights, graded per area against a pass line."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from grader.catalog import Catalog, CheckSpec, Problem
    from grader.results import ProblemResult

if TYPE_CHECKING:
    from grader.catalog import Problem

PASS_LINE = 0.65  # JDLA does not publish the pass mark; 65% is our rehearsal target
ANSWER_LINE = re.compile(r"^\s*([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")


@dataclass(frozen=True)
class Question:
    """One drawn problem and the seed of its numbers."""

    problem: Problem
    seed: int


@dataclass(frozen=True)
class ExamPrompt:
    """One part of one question, as the caller's `ask` function gets it."""

    number: int  # 1-based question number
    total: int
    seconds_left: float
    problem: Problem
    statement: str  # with the question's numbers drawn
    part: str
    first: bool  # the question's first part: show its header and statement


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


@dataclass(frozen=True)
class ExamRecord:
    """A finished mock exam, as it is shown, stored in the history and reviewed."""

    seed: int
    questions: tuple[QuestionRecord, ...]
    unanswered: int = 0
    timed_out: bool = False

    @property
    def score(self) -> float:
        return sum(q.score for q in self.questions)

    @property
    def max_score(self) -> float:
        return sum(q.max_score for q in self.questions)

    @property
    def passed(self) -> bool:
        return self.max_score > 0 and self.score / self.max_score >= PASS_LINE

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
            )
            for q in stored["details"]
        )
        return cls(int(stored.get("seed", 0)), questions)


def draw(catalog: Catalog, seed: int, count: int, area: int | None = None) -> list[Question]:
    """`count` answer problems (symbolic, choice, numeric) drawn by area weight, without repeats."""
    rng = random.Random(seed)
    pool: dict[int, list] = {}
    for problem in catalog.problems:
        if not problem.is_code and (area is None or problem.area == area):
            pool.setdefault(problem.area, []).append(problem)
    for problems in pool.values():
        rng.shuffle(problems)
    chosen: list[Question] = []
    while len(chosen) < count and any(pool.values()):
        areas = [a for a in pool if pool[a]]
        weights = [catalog.areas[a].weight if a in catalog.areas else 0.1 for a in areas]
        pick = rng.choices(areas, weights=weights)[0]
        chosen.append(Question(pool[pick].pop(), rng.randrange(2**31)))
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
    seed: int,
    questions: list[Question],
    minutes: int,
    lang: str,
    ask: Callable[[ExamPrompt], str],
    clock: Callable[[], float],
    given: dict[str, dict[str, str]] | None = None,
) -> ExamRecord:
    """Sit the exam: each part asked through `ask` while time is left (or taken from `given`), each
    question graded with its own numbers."""
    from grader.params import draw as draw_values
    from grader.params import render

    deadline = clock() + minutes * 60
    graded: list[QuestionRecord] = []
    unanswered = 0
    for number, question in enumerate(questions, start=1):
        problem = question.problem
        values = draw_values(problem, question.seed)
        answers: dict[str, str] = {}
        if given is not None:
            answers = dict(given.get(problem.id, {}))
        else:
            statement = render(problem.statement.get(lang), values)
            for index, part in enumerate(problem.parts):
                left = deadline - clock()
                if left <= 0:
                    break
                answers[part] = ask(ExamPrompt(number, len(questions), left, problem, statement, part, index == 0))
        if not answers:
            unanswered += 1
        result = grade_question(question, answers, lang)
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
        )
        graded.append(
            QuestionRecord(
                problem.id, problem.area, question.seed, result.status, result.score, result.max_score, parts
            )
        )
    return ExamRecord(seed, tuple(graded), unanswered, timed_out=given is None and clock() >= deadline)


def grade_question(question: Question, answers: dict[str, str], lang: str) -> ProblemResult:
    """Grade one question's parts (numbers drawn from the question's seed)."""
    from grader.grading import grade
    from grader.params import draw as draw_values
    from grader.submission import Answers

    values = draw_values(question.problem, question.seed)
    return grade(question.problem, Answers(dict(answers), None), lang=lang, values=values)


def expected_answer(problem: Problem, spec: CheckSpec, values: dict) -> str:
    """The right answer of one part, for the review, as its kind shows it."""
    from grader.checks import kind

    shown = kind(spec.kind).expected_text
    assert shown is not None, f"{spec.kind} is an answer kind"
    return shown(spec.params, values)
