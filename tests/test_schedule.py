"""`drill next` with FSRS: due reviews first, then new problems; deterministic with DRILL_TODAY."""

from __future__ import annotations

import pytest
from grader.schedule import rating_for


def first_line(result):
    return result.stdout.splitlines()[0]


def test_session_new_fail_review(cli, mini, monkeypatch):
    monkeypatch.setenv("DRILL_TODAY", "2026-11-20")
    out = cli("--workspace", mini, "next", "--explain")
    assert first_line(out) == "Next: mc_pass — Double (passes) (3 points)"
    assert out.stdout.splitlines()[-1] == "Why: new, with no prerequisites"
    assert cli("--workspace", mini, "grade", "mc_pass").exit_code == 0
    out = cli("--workspace", mini, "next", "--explain")
    assert first_line(out) == "Next: mc_fail — Double (fails) (3 points)"
    assert out.stdout.splitlines()[-1] == "Why: new, and its prerequisites (mc_pass) are passed"
    assert cli("--workspace", mini, "grade", "mc_fail").exit_code == 1
    # the failed problem waits for its relearning step; a new one comes meanwhile
    assert first_line(cli("--workspace", mini, "next")) == "Next: mc_error — Double (syntax error) (3 points)"
    monkeypatch.setenv("DRILL_TODAY", "2026-11-21")
    out = cli("--workspace", mini, "next", "--explain")
    assert first_line(out) == "Review: mc_fail — Double (fails) (3 points)"
    assert out.stdout.splitlines()[-1] == "Why: a review due since 2026-11-21 00:00 UTC (last rated again: failed)"


def test_passed_problem_comes_back_when_due(cli, mini, monkeypatch):
    monkeypatch.setenv("DRILL_TODAY", "2026-11-20")
    cli("--workspace", mini, "next")
    cli("--workspace", mini, "grade", "mc_pass")
    monkeypatch.setenv("DRILL_TODAY", "2026-11-21")
    assert first_line(cli("--workspace", mini, "next")) == "Next: mc_fail — Double (fails) (3 points)"
    monkeypatch.setenv("DRILL_TODAY", "2027-06-01")
    assert first_line(cli("--workspace", mini, "next")) == "Review: mc_pass — Double (passes) (3 points)"


def test_bad_today(cli, mini):
    result = cli("--workspace", mini, "next", "--today", "tomorrow")
    assert result.exit_code == 2
    assert result.stderr == "Error: cannot read the date 'tomorrow': write it as YYYY-MM-DD\n"


class FakeHistory:
    def __init__(self, **since):
        self.values = {"fails": 0, "hints": 0, "solutions": 0, "explanations": 0, "first_view": None, **since}

    def card(self, problem):
        return None

    def since(self, problem, after):
        return self.values


class Result:
    def __init__(self, status):
        self.status = status


def test_ratings():
    assert rating_for(Result("fail"), FakeHistory(), "p", 1000.0) == "again"
    assert rating_for(Result("pass"), FakeHistory(hints=1), "p", 1000.0) == "hard"
    assert rating_for(Result("pass"), FakeHistory(solutions=1), "p", 1000.0) == "hard"
    assert rating_for(Result("pass"), FakeHistory(fails=2), "p", 1000.0) == "hard"
    assert rating_for(Result("pass"), FakeHistory(first_view=900.0), "p", 1000.0) == "easy"
    assert rating_for(Result("pass"), FakeHistory(first_view=100.0), "p", 1000.0) == "good"
    assert rating_for(Result("pass"), FakeHistory(), "p", 1000.0) == "good"


def test_next_does_not_import_fsrs(mini):
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; from grader.cli import main\n"
        "try:\n    main(['--workspace', sys.argv[1], 'next'])\nexcept SystemExit:\n    pass\n"
        "print('fsrs' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(mini)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        check=True,
    ).stdout
    assert out.strip().splitlines()[-1] == "False False"


# -- honest reviews, on a fixed clock (TZ is UTC in tests, so a day starts at 00:00 UTC)

DAY = 86400.0
START = 1_795_687_200.0  # 2026-11-27 06:00 UTC
FIXED = "def double(x):\n    return 2 * x\n"


class Clock:
    def __init__(self, now: float = START):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def _session(mini, clock):
    from grader.session import Session

    return Session("en", str(mini), clock=clock)


def _grade(session, problem_id="mc_fail", answers=()):
    result = session.attempt(session.problem(problem_id), answers)
    return result.status, session.last_review


def _write(mini, text, problem="mc_fail"):
    (mini / "exercises" / "mc" / f"{problem}.py").write_text(text, encoding="utf-8")


def test_a_fail_then_a_pass_rates_hard_and_comes_back_a_day_later_not_minutes(mini):
    clock = Clock()
    session = _session(mini, clock)
    status, review = _grade(session)
    assert status == "fail" and (review.counted, review.why, review.rating) == (True, "new", "again")
    clock.advance(20)  # before FSRS's first relearning step is due: a fix still counts
    _write(mini, FIXED)
    status, review = _grade(session)
    assert status == "pass" and (review.counted, review.why, review.rating) == (True, "relearning", "hard")
    assert review.due >= clock.now + DAY


def test_a_regrade_of_unchanged_content_is_never_a_review(mini):
    clock = Clock()
    session = _session(mini, clock)
    _grade(session)
    card = session.history.card("mc_fail")
    clock.advance(120)
    status, review = _grade(session)  # the same failing file again
    assert status == "fail" and (review.counted, review.why) == (False, "unchanged")
    assert session.history.card("mc_fail") == card


def test_grades_on_the_day_of_a_pass_do_not_reschedule(mini):
    clock = Clock()
    session = _session(mini, clock)
    _write(mini, FIXED)
    assert _grade(session)[1].counted
    card = session.history.card("mc_fail")
    clock.advance(3600)
    _write(mini, "def double(x):\n    return x + x\n")
    assert _grade(session)[1][:2] == (False, "same_day")
    _write(mini, "def double(x):\n    return x\n")  # broken again, still that day
    status, review = _grade(session)
    assert status == "fail" and review[:2] == (False, "same_day")
    assert session.history.card("mc_fail") == card


def test_a_grade_before_the_review_is_due_is_not_a_review(mini):
    clock = Clock()
    session = _session(mini, clock)
    _write(mini, FIXED)
    due = _grade(session)[1].due
    clock.now = due - 3600
    _write(mini, "def double(x):\n    return x + x\n")
    assert _grade(session)[1][:2] == (False, "not_due")
    clock.now = due + 60
    _write(mini, FIXED)
    status, review = _grade(session)
    assert status == "pass" and (review.counted, review.why, review.rating) == (True, "due", "good")
    assert review.due > due + DAY


def test_a_due_review_of_an_unchanged_file_says_how_to_redo_it(cli, mini, monkeypatch):
    _write(mini, FIXED)
    monkeypatch.setenv("DRILL_TODAY", "2026-11-20")
    assert cli("--workspace", mini, "grade", "mc_fail").exit_code == 0
    monkeypatch.setenv("DRILL_TODAY", "2027-06-01")
    again = cli("--workspace", mini, "grade", "mc_fail")
    assert again.exit_code == 0
    lines = again.stdout.splitlines()
    assert lines[lines.index("mc_fail: 3/3 points — PASS") + 1] == (
        "(unchanged since its last grade, so not counted as a review; to do it again: drill reset mc_fail)"
    )
    ja = cli("--workspace", mini, "--lang", "ja", "grade", "mc_fail").stdout.splitlines()
    assert ja[ja.index("mc_fail: 3/3 点 — 合格") + 1] == (
        "（前回の採点から何も変わっていないので、復習には数えません。解き直すには drill reset mc_fail）"
    )
    assert cli("--workspace", mini, "next").stdout.startswith("Review: mc_fail")  # still due


@pytest.mark.parametrize(
    "before, rating",
    [
        ("nothing", "good"),  # seen long ago, passed at the first try of the day
        ("seen", "easy"),  # passed within five minutes of first seeing it, unaided
        ("hint", "hard"),
        ("solution", "hard"),
        ("fail_yesterday", "good"),  # yesterday's fail was rated then; today's first try passes
    ],
)
def test_the_rating_follows_the_attempt(mini, before, rating):
    clock = Clock()
    session = _session(mini, clock)
    if before == "seen":
        session.show("mc_fail")
        clock.advance(120)
    elif before == "hint":
        session.hint("mc_fail")
    elif before == "solution":
        session.solution("mc_fail", lambda: True)
    elif before == "fail_yesterday":
        _grade(session)
        clock.advance(DAY)
    _write(mini, FIXED)
    status, review = _grade(session)
    assert status == "pass" and review.counted and review.rating == rating


def test_next_explains_the_review_the_day_after_a_fail_then_a_pass(cli, mini, monkeypatch):
    monkeypatch.setenv("DRILL_TODAY", "2026-11-20T09:00:00")
    assert cli("--workspace", mini, "grade", "mc_fail").exit_code == 1
    _write(mini, FIXED)
    monkeypatch.setenv("DRILL_TODAY", "2026-11-20T09:05:00")
    assert cli("--workspace", mini, "grade", "mc_fail").exit_code == 0
    monkeypatch.setenv("DRILL_TODAY", "2026-11-21T12:00:00")
    out = cli("--workspace", mini, "next", "--explain").stdout.splitlines()
    assert out[0] == "Review: mc_fail — Double (fails) (3 points)"
    assert out[-1] == (
        "Why: a review due since 2026-11-21 09:05 UTC (last rated hard: passed after a fail, a hint, the solution or the explanation)"
    )
    ja = cli("--workspace", mini, "--lang", "ja", "next", "--explain").stdout.splitlines()
    assert ja[-1] == (
        "理由: 復習の期限（2026-11-21 09:05 UTC）が来ています。前回の評価は「難しい」（失敗やヒント、解答例・解説を見たあとの合格）"
    )


def test_problems_the_exam_does_not_ask_come_last(mini):
    import copy

    import yaml
    from grader import catalog, report

    raw = yaml.safe_load((mini / "problems.yaml").read_text(encoding="utf-8"))
    data = copy.deepcopy(raw)
    data["problems"][0]["syllabus"] = ["2-1-9"]  # mc_pass: clustering, out of the exam's scope
    course = catalog.parse(data)
    from grader.schedule import next_problem

    assert next_problem(course, {}).problem.id == "mc_error"  # mc_fail requires mc_pass
    others = {p.id: "passed" for p in course.problems if p.id not in ("mc_pass", "mc_fail")}
    pick = next_problem(course, others)
    assert (pick.problem.id, pick.reason) == ("mc_pass", "new_out_of_scope")
    assert report.why_next(pick, "en") == (
        "Why: every problem the exam asks is done; this one is out of the exam's scope (the courses teach it)"
    )
    assert report.why_next(pick, "ja") == (
        "理由: 試験に出る小項目の問題はすべて済みました。これは出題範囲外（認定講座で学ぶ内容）の問題です"
    )


def test_show_names_the_syllabus_items_and_marks_those_out_of_scope(cli, mini):
    from grader import report

    assert cli("--workspace", mini, "show", "mc_choice").stdout.splitlines()[-1] == (
        "Syllabus: 5-2-1 Parallel and distributed processing"
    )
    assert cli("--workspace", mini, "--lang", "ja", "show", "mc_choice").stdout.splitlines()[-1] == (
        "シラバス: 5-2-1 並列分散処理"
    )
    assert report.syllabus_line(("4-4-1", "2-1-9"), "en") == (
        "Syllabus: 4-4-1 Word embeddings; 2-1-9 Unsupervised learning 2: clustering "
        "(out of the exam's scope; the courses teach it)"
    )
    assert report.syllabus_line(("2-1-9",), "ja") == (
        "シラバス: 2-1-9 教師なし学習②: クラスタリング（出題範囲外・認定講座で学ぶ）"
    )
