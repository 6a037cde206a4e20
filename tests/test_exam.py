"""`drill exam`: drawn by area, scored per area against the pass line, saved, reviewable."""

from __future__ import annotations

from grader import catalog as catalog_mod
from grader import exam

from tests_support import FIXTURES

MINI = catalog_mod.load(FIXTURES / "mini_course" / "problems.yaml")


def test_draw_is_seeded_answer_problems_only():
    drawn = exam.draw(MINI, 3, 5)
    assert [q.problem.id for q in drawn] == [q.problem.id for q in exam.draw(MINI, 3, 5)]
    assert {q.problem.id for q in drawn} == {"mc_symbolic", "mc_choice", "mc_numeric"}
    assert [q.problem.id for q in exam.draw(MINI, 3, 5, area=5)] == ["mc_choice"]


def test_parse_answers():
    text = "# my answers\nmc_choice.split = A\nmc_numeric.s=156\njunk line\n"
    assert exam.parse_answers(text) == {"mc_choice": {"split": "A"}, "mc_numeric": {"s": "156"}}


def test_exam_from_file_scores_per_area_and_review(cli, mini, tmp_path):
    answers = tmp_path / "answers.txt"
    # seed 3 draws mc_numeric with a = 73, b = 83
    answers.write_text("mc_symbolic.d = 2x + 2y\nmc_choice.split = B\nmc_numeric.s = 156\n", encoding="utf-8")
    result = cli("--workspace", mini, "exam", "--seed", "3", "--answers", answers)
    assert result.exit_code == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines[0] == "Mock exam: 3 questions, 30 minutes, pass line 65% (seed 3)"
    assert "1 Mathematics                 2/2      100%" in lines
    assert "2 Machine learning            1/1      100%" in lines
    assert "5 Development and operations  0/1      0%" in lines
    assert lines[-2] == "total: 3/4 (75%) — PASS (65%)"
    assert lines[-1] == "Review the mistakes: drill exam --review"
    review = cli("--workspace", mini, "exam", "--review").stdout.splitlines()
    assert review[0] == "Last mock exam: 3/4 points, 1 question(s) to review"
    assert "  split: your answer B; right answer A" in review
    assert "    → splitting the layers is model parallelism." in review


def test_exam_interactive_prompts(cli, mini):
    result = cli("--workspace", mini, "exam", "--seed", "3", "--area", "5", input="A\n")
    assert result.exit_code == 0
    assert (
        "[1/1] time left 29:59 — A choice (Development and operations)" in result.stdout
        or "[1/1] time left 30:00 — A choice (Development and operations)" in result.stdout
    )
    assert result.stdout.splitlines()[-1] == "total: 1/1 (100%) — PASS (65%)"


def test_review_before_any_exam(cli, mini):
    result = cli("--workspace", mini, "exam", "--review")
    assert result.exit_code == 2
    assert result.stderr == "Error: no mock exam in the history yet. Run 'drill exam' first.\n"
