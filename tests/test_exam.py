"""`drill exam`: drawn by area, scored per area against the pass line, saved, reviewable."""

from __future__ import annotations

import pytest
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
    assert lines[-3:] == [
        "total: 3/4 (75%) — PASS (65%)",
        "(the 65% pass line is the commonly cited mark; JDLA does not publish one)",
        "Review the mistakes: drill exam --review",
    ]
    start = lines.index(next(line for line in lines if line.startswith("score-report category")))
    assert [line.split("  ")[0] for line in lines[start + 2 : start + 5]] == [
        "Applied mathematics",
        "Machine learning",
        "Development environment",
    ]
    assert lines[start + 4].split() == ["Development", "environment", "0/1", "0%"]
    review = cli("--workspace", mini, "exam", "--review").stdout.splitlines()
    assert review[0] == "Last mock exam: 3/4 points, 1 question(s) to review"
    assert "  split: your answer B; right answer A" in review
    assert "    → splitting the layers is model parallelism." in review
    assert review[-1] == (
        "    → why A: data parallelism splits the mini-batch; each device runs a copy of the same model."
    )


def test_exam_interactive_prompts(cli, mini):
    result = cli("--workspace", mini, "exam", "--seed", "3", "--area", "5", input="A\n")
    assert result.exit_code == 0
    assert (
        "[1/1] time left 29:59 — A choice (Development and operations)" in result.stdout
        or "[1/1] time left 30:00 — A choice (Development and operations)" in result.stdout
    )
    assert result.stdout.splitlines()[-2] == "total: 1/1 (100%) — PASS (65%)"


def test_review_before_any_exam(cli, mini):
    result = cli("--workspace", mini, "exam", "--review")
    assert result.exit_code == 2
    assert result.stderr == "Error: no mock exam in the history yet. Run 'drill exam' first.\n"


# -- the exam's rules, on a clock the test moves


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def _session(mini):
    from grader.session import Session

    return Session("en", str(mini))


def test_an_answer_typed_after_time_up_does_not_count(mini):
    clock = Clock()

    def slow(prompt):
        clock.now += 31 * 60  # the first answer comes after the 30 minutes
        return {"mc_symbolic": "2x + 2y", "mc_choice": "A"}.get(prompt.problem.id, "156")

    record = _session(mini).exam(3, 30, None, 3, slow, clock=clock)
    assert record.timed_out and record.score == 0
    assert len(record.late) == 1
    from grader import report

    text = report.exam_result(record, "en", _session(mini).catalog)
    assert f"Answers typed after time-up do not count: {record.late[0]}" in text.splitlines()


def test_an_answer_that_cannot_be_read_is_asked_again(mini, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    asked = []

    def answers(prompt):
        asked.append((prompt.problem.id, prompt.again))
        if prompt.problem.id == "mc_choice":
            return "E" if prompt.again is None else "A"
        return {"mc_symbolic": "2x + 2y"}.get(prompt.problem.id, "0")

    record = _session(mini).exam(3, 30, 5, 3, answers, clock=Clock())
    assert asked == [("mc_choice", None), ("mc_choice", "'E' is not an option; answer one of A, B")]
    assert record.score == record.max_score == 1
    from grader import report

    assert report.exam_again("'E' is not an option; answer one of A, B", "ja") == (
        "  読み取れません: 'E' is not an option; answer one of A, B。もう一度答えてください（空のまま Enter で飛ばします）"
    )


def test_ctrl_c_keeps_the_answers_and_resume_goes_on_with_the_time_left(mini):
    clock = Clock()
    session = _session(mini)
    seen = []

    def interrupted(prompt):
        seen.append(prompt.problem.id)
        clock.now += 60
        if len(seen) == 2:
            raise KeyboardInterrupt
        return {"mc_symbolic": "2x + 2y", "mc_choice": "A"}.get(prompt.problem.id, "0")

    with pytest.raises(KeyboardInterrupt):
        session.exam(3, 30, None, 3, interrupted, clock=clock)
    saved = session.interrupted_exam()
    assert saved is not None and saved.answered == 1 and saved.seconds_left() == 30 * 60 - 120
    rest = []

    def finish(prompt):
        rest.append(prompt.problem.id)
        return {"mc_symbolic": "2x + 2y", "mc_choice": "A"}.get(prompt.problem.id, "0")

    record = _session(mini).exam(0, 0, None, None, finish, clock=clock, resume=True)
    assert rest == seen[1:] + [q for q in ("mc_symbolic", "mc_choice", "mc_numeric") if q not in seen]
    assert [q.problem for q in record.questions] == [q.problem.id for q in saved.questions]
    assert record.questions[0].parts[0].answer != ""  # the answer given before Ctrl-C counts
    assert session.interrupted_exam() is None  # finished: nothing left to resume


def test_ctrl_c_in_the_cli_says_how_to_resume_and_exits_130(cli, mini, monkeypatch):
    import click

    typed = iter(["2x+2y"])

    def prompt(*args, **kwargs):
        try:
            return next(typed)
        except StopIteration:
            raise KeyboardInterrupt from None  # Ctrl-C at the second question

    monkeypatch.setattr(click, "prompt", prompt)
    result = cli("--workspace", mini, "exam", "--seed", "3")
    monkeypatch.undo()
    assert result.exit_code == 130
    assert result.stdout.splitlines()[-1].startswith(
        "Interrupted. Answers so far are kept (1): drill exam --resume goes on, "
    )
    resumed = cli("--workspace", mini, "exam", "--resume", input="A\n156\n")
    assert resumed.stdout.splitlines()[0].startswith("Mock exam, resumed: 2 questions, ")
    assert resumed.exit_code in (0, 1)
    again = cli("--workspace", mini, "--lang", "ja", "exam", "--resume")
    assert again.exit_code == 2
    assert again.stderr == (
        "エラー: 続ける模擬試験がありません（中断した試験だけを続けられます）。新しく始めるには drill exam\n"
    )
    both = cli("--workspace", mini, "exam", "--resume", "--full")
    assert both.exit_code == 2 and "--resume goes on with the interrupted exam as it was drawn" in both.stderr


@pytest.fixture
def course(cli, tmp_path):
    ws = tmp_path / "ws"
    assert cli("init", ws).exit_code == 0
    return ws


def test_the_full_exam_draws_100_questions_in_sets_with_none_twice(course):
    from grader import catalog as catalog_mod

    real = catalog_mod.load(course / "problems.yaml")
    drawn = exam.draw(real, 7, real.exam.questions)
    assert sum(len(q.asked) for q in drawn) == 100
    ids = [q.problem.id for q in drawn]
    assert len(ids) == len(set(ids))  # no set twice, so no question twice
    assert all(not q.problem.is_code for q in drawn)
    # the next sitting draws what this one did not, while the pool has any left
    # (a sitting large enough to hold every undrawn set: the pool grows with the catalog)
    unused = {p.id for p in real.problems if not p.is_code} - set(ids)
    size = max(20, sum(len(p.parts) for p in real.problems if p.id in unused))
    following = exam.draw(real, 8, size, recent=ids)
    assert unused and unused <= {q.problem.id for q in following}  # every undrawn set comes first
    assert sum(len(q.asked) for q in following) == size


def test_a_full_exam_from_an_answers_file_scores_areas_and_categories(cli, course, tmp_path):
    blank = tmp_path / "none.txt"
    blank.write_text("# no answers\n", encoding="utf-8")
    result = cli("--workspace", course, "exam", "--full", "--seed", "5", "--answers", blank)
    assert result.exit_code == 1  # below the pass line
    lines = result.stdout.splitlines()
    assert lines[0] == "Mock exam: 100 questions, 120 minutes, pass line 65% (seed 5)"
    start = lines.index(next(line for line in lines if line.startswith("score-report category")))
    assert [line.split("  ")[0] for line in lines[start + 2 : start + 6]] == [
        "Applied mathematics",
        "Machine learning",
        "Deep learning",
        "Development environment",
    ]
    assert "BELOW the pass line (65%)" in next(line for line in lines if line.startswith("total: 0/"))
    ja = cli("--workspace", course, "--lang", "ja", "exam", "--full", "--seed", "5", "--answers", blank)
    assert "（合格ライン 65% はよく言われる目安で、JDLA は合格点を公表していません）" in ja.stdout.splitlines()


def _letter_of(text: str, option: str) -> str:
    """The letter the shown statement puts before `option`."""
    import re

    return re.search(r"([A-Z])\) " + re.escape(option), text).group(1)


def test_asked_one_by_one_the_options_come_shuffled_and_are_graded_as_shown(mini):
    shown_first = set()
    for seed in range(8):
        session = _session(mini)

        def answer(prompt):
            if prompt.problem.id != "mc_choice":
                return {"mc_symbolic": "2x + 2y"}.get(prompt.problem.id, "0")
            shown_first.add(_letter_of(prompt.statement, "the batch"))
            return _letter_of(prompt.statement, "the batch")

        record = session.exam(1, 30, 5, seed, answer, clock=Clock())
        (question,) = record.questions
        assert question.status == "pass" and question.shuffled
        assert question.parts[0].expected == question.parts[0].answer  # the review speaks the shown letters
    assert shown_first == {"A", "B"}  # both orders come up


def test_a_shuffled_mistake_is_reviewed_with_the_letters_that_were_shown(mini, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    from grader import report

    for seed in range(8):
        session = _session(mini)
        wrong: dict[str, str] = {}

        def answer(prompt, wrong=wrong):
            wrong["letter"] = _letter_of(prompt.statement, "the layers")
            wrong["right"] = _letter_of(prompt.statement, "the batch")
            return wrong["letter"]

        record = session.exam(1, 30, 5, seed, answer, clock=Clock())
        lines = report.exam_review(session.last_exam(), session.catalog, "en").splitlines()
        assert f"  split: your answer {wrong['letter']}; right answer {wrong['right']}" in lines
        assert f"    not correct (you chose {wrong['letter']})" in lines
        assert "    → splitting the layers is model parallelism." in lines
        assert (
            f"    → why {wrong['right']}: data parallelism splits the mini-batch; each device runs a copy of the same model."
            in lines
        )
        assert record.score == 0


def test_an_answers_file_uses_the_catalogs_letters_as_drill_show_prints_them(cli, mini, tmp_path):
    answers = tmp_path / "answers.txt"
    answers.write_text("mc_choice.split = A\n", encoding="utf-8")
    for seed in ("1", "2", "3", "4"):
        result = cli("--workspace", mini, "exam", "--seed", seed, "--area", "5", "--answers", str(answers))
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[-2] == "total: 1/1 (100%) — PASS (65%)"


def test_the_review_wraps_its_indented_explanations_to_the_terminal(mini, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    from grader import report

    session = _session(mini)
    session.exam(1, 30, 5, 0, lambda prompt: _letter_of(prompt.statement, "the layers"), clock=Clock())
    lines = report.exam_review(session.last_exam(), session.catalog, "en").splitlines()
    assert all(len(line) <= 40 for line in lines[3:]), lines  # below the summary and the problem title
    assert "    → splitting the layers is model" in lines
    assert "      parallelism." in lines


FRESH_FULL_SITTINGS = 5  # issue 17: the pool holds over 500 parts


def test_full_sittings_in_a_row_repeat_no_question(cli, course, tmp_path):
    from grader.history import History

    blank = tmp_path / "none.txt"
    blank.write_text("# no answers\n", encoding="utf-8")
    asked: set[tuple[str, str]] = set()
    for seed in range(41, 41 + FRESH_FULL_SITTINGS):
        result = cli("--workspace", course, "exam", "--full", "--seed", str(seed), "--answers", blank)
        assert result.exit_code == 1, result.stdout  # all blank: below the pass line
        sitting = History.open(course / ".drill" / "history.sqlite").last_exam()
        assert sitting is not None and sitting["seed"] == seed
        parts = {(q["problem"], p["part"]) for q in sitting["details"] for p in q["parts"]}
        assert len(parts) == 100
        assert not asked & parts, f"sitting {seed - 40} asks again {sorted(asked & parts)[:3]}"
        asked |= parts
