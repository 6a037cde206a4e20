"""A mock exam: answer problems drawn by syllabus-area weights, graded per area against a pass line."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

# Share of questions per syllabus area (our reading of the 2024 syllabus's emphasis).
AREA_WEIGHTS = {1: 0.15, 2: 0.15, 3: 0.30, 4: 0.30, 5: 0.10}
PASS_LINE = 0.65  # JDLA does not publish the pass mark; 65% is our rehearsal target
ANSWER_LINE = re.compile(r"^\s*([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")


@dataclass(frozen=True)
class Question:
    """One drawn problem and the seed of its numbers."""

    problem: object
    seed: int


@dataclass
class ExamResult:
    """Per-question results and the per-area score."""

    seed: int
    questions: list = field(default_factory=list)     # (Question, ProblemResult, answers dict)
    unanswered: int = 0

    def by_area(self) -> dict[int, list[float]]:
        areas: dict[int, list[float]] = {}
        for question, result, _ in self.questions:
            entry = areas.setdefault(question.problem.area, [0.0, 0.0])
            entry[0] += result.score
            entry[1] += result.max_score
        return dict(sorted(areas.items()))

    @property
    def score(self) -> float:
        return sum(r.score for _, r, _ in self.questions)

    @property
    def max_score(self) -> float:
        return sum(r.max_score for _, r, _ in self.questions)

    @property
    def passed(self) -> bool:
        return self.max_score > 0 and self.score / self.max_score >= PASS_LINE


def draw(catalog, seed: int, count: int, area: int | None = None) -> list[Question]:
    """`count` answer problems (symbolic, choice, numeric) drawn by area weight, without repeats."""
    rng = random.Random(seed)
    pool: dict[int, list] = {}
    for problem in catalog.problems:
        if not problem.is_code and (area is None or problem.area == area):
            pool.setdefault(problem.area, []).append(problem)
    for problems in pool.values():
        rng.shuffle(problems)
    chosen = []
    while len(chosen) < count and any(pool.values()):
        areas = [a for a in pool if pool[a]]
        weights = [AREA_WEIGHTS.get(a, 0.1) for a in areas]
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


def grade_question(question: Question, answers: dict[str, str], lang: str):
    """Grade one question's parts (numbers drawn from the question's seed)."""
    from grader.grading import grade_answers
    from grader.params import draw as draw_values

    values = draw_values(question.problem, question.seed)
    return grade_answers(question.problem, answers, None, lang, values)


def expected_answer(problem, spec, values: dict) -> str:
    """The right answer of one part, for the review."""
    params = spec.params
    if spec.kind == "choice":
        return str(params["answer"])
    if spec.kind == "numeric":
        from grader.params import value_of

        return f"{value_of(params['answer'], values):g}"
    return str(params.get("expected", ""))
