"""The mini course end to end through the CLI: one problem per grading outcome."""

from __future__ import annotations

import json

from grader import catalog as catalog_mod


def grade_json(cli, ws, pid, *extra):
    result = cli("--workspace", ws, "grade", pid, "--json", *extra)
    return result, json.loads(result.stdout)


def test_pass(cli, mini):
    result, data = grade_json(cli, mini, "mc_pass")
    assert result.exit_code == 0
    assert data["status"] == "pass" and data["score"] == 3 and data["max_score"] == 3
    assert data["checks"][0] == {
        "name": "values",
        "status": "pass",
        "points": 3,
        "max_points": 3,
        "message": "all 2 cases match",
        "diagnosis": None,
        "output": "",
    }


def test_fail_names_case_and_error(cli, mini):
    result, data = grade_json(cli, mini, "mc_fail")
    assert result.exit_code == 1
    assert data["status"] == "fail" and data["score"] == 0
    assert data["checks"][0]["message"].startswith("case 1 (x(3, 4)): y: wrong values (max abs error")


def test_syntax_error_is_error_with_caret(cli, mini):
    result, data = grade_json(cli, mini, "mc_error")
    assert result.exit_code == 1
    assert data["status"] == "error"
    assert data["message"].splitlines()[0] == "mc_error.py:1: SyntaxError: expected ':'"
    assert data["message"].splitlines()[1:] == ["    def double(x)", "                 ^"]


def test_timeout(cli, mini):
    result, data = grade_json(cli, mini, "mc_timeout")
    assert result.exit_code == 1
    assert data["status"] == "fail"
    assert data["checks"][0]["message"] == "did not finish within 1 s (an endless loop?)"
    assert data["duration_s"] < 2.5


def test_diagnosis(cli, mini):
    result, data = grade_json(cli, mini, "mc_diagnosis")
    assert result.exit_code == 1
    assert data["checks"][0]["diagnosis"] == "the result is transposed: return a @ b"


def test_symbolic_equivalent_from_file(cli, mini):
    result, data = grade_json(cli, mini, "mc_symbolic")
    assert result.exit_code == 0, data
    assert data["checks"][0]["status"] == "pass"


def test_symbolic_wrong_from_answer_option(cli, mini):
    result, data = grade_json(cli, mini, "mc_symbolic", "--answer", "d=2x")
    assert result.exit_code == 1
    assert data["checks"][0]["diagnosis"] == "the y term is missing."


def test_scorecard_summary_line(cli, mini):
    result = cli("--workspace", mini, "grade", "mc_diagnosis")
    assert result.exit_code == 1
    assert result.stdout.rstrip().splitlines()[-2:] == [
        "mc_diagnosis: 0/4 points — FAIL",
        "Explanation: drill explain mc_diagnosis (read before a pass, it rates the next pass hard)",
    ]
    assert "→ diagnosis: the result is transposed: return a @ b" in result.stdout


def test_a_pass_ends_with_its_explanation_and_references(cli, mini):
    result = cli("--workspace", mini, "grade", "mc_pass")
    assert result.exit_code == 0
    assert result.stdout.rstrip().split("\n")[-5:] == [
        "mc_pass: 3/3 points — PASS",
        "",
        "Explanation (mc_pass)",
        "Doubling is 2 * x; the shape of x is kept.",
        "References: book 1 (ゼロから作るDeep Learning), chapter 5",
    ]
    ja = cli("--workspace", mini, "--lang", "ja", "grade", "mc_pass")
    assert ja.stdout.rstrip().split("\n")[-3:] == [
        "解説（mc_pass）",
        "2 倍は 2 * x です。x の形は変わりません。",
        "参考: 『ゼロから作るDeep Learning』（1 巻）5 章",
    ]


def test_explain_before_a_pass_counts_as_help(cli, mini):
    first = cli("--workspace", mini, "explain", "mc_choice")
    assert first.exit_code == 0
    assert first.stdout == (
        "Explanation (mc_choice)\n"
        "Data parallelism splits the batch; model parallelism splits the layers.\n"
        "- split (A): data parallelism splits the mini-batch; each device runs a copy of the same model.\n"
        "References: book 1 (ゼロから作るDeep Learning), chapter 5\n"
    )
    assert cli("--workspace", mini, "grade", "mc_choice", "--answer", "split=A").exit_code == 0
    data = json.loads(cli("--workspace", mini, "stats", "--json").stdout)
    assert data["explanations_viewed"] == 1
    from grader.history import History

    history = History.open(mini / ".drill" / "history.sqlite")
    assert history.card("mc_choice")[2] == "hard"


def test_explain_of_an_unknown_problem_is_one_error_line(cli, mini):
    result = cli("--workspace", mini, "--lang", "ja", "explain", "mc_pas")
    assert result.exit_code == 2
    assert result.stderr == "エラー: 問題 'mc_pas' はありません。'mc_pass' のことですか？（drill list）\n"


def test_next_follows_requires_and_history(cli, mini):
    assert cli("--workspace", mini, "next").stdout.startswith("Next: mc_pass — Double (passes)")
    cli("--workspace", mini, "grade", "mc_pass")
    # mc_fail requires mc_pass, which is now passed; it is next in catalog order
    assert cli("--workspace", mini, "next").stdout.startswith("Next: mc_fail — Double (fails)")


def test_dev_check_reports_offenders(cli, mini):
    result = cli("--workspace", mini, "dev", "check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # the mini course's "exercise" files are learner states, so the passing ones are offenders
    assert "  - mc_pass: the stub exercises/mc/mc_pass.py passes its checks" in lines
    assert "  - mc_symbolic: the stub exercises/mc/mc_symbolic.md passes its checks" in lines
    assert not any("mc_fail" in line for line in lines)


def test_dev_check_says_the_same_in_the_same_order_whatever_its_jobs(cli, mini):
    one = cli("--workspace", mini, "dev", "check", "--jobs", "1")
    three = cli("--workspace", mini, "dev", "check", "--jobs", "3")
    assert one.exit_code == three.exit_code == 1
    assert one.stdout == three.stdout
    offenders = [line.split(":")[0].strip(" -") for line in one.stdout.splitlines() if line.startswith("  - ")]
    ids = [p.id for p in catalog_mod.load(mini / "problems.yaml").problems]
    assert offenders == sorted(offenders, key=ids.index) and len(offenders) >= 2
    ja = cli("--workspace", mini, "--lang", "ja", "dev", "check", "--help")
    assert "同時に採点する問題の数。" in ja.stdout
