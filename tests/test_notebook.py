"""Grading from a notebook: the source of the given objects is graded by the runner, and recorded."""

from __future__ import annotations

import importlib.util
import sqlite3

import grader
import pytest
from grader.errors import UsageError

from tests_support import FIXTURES


def cells():
    spec = importlib.util.spec_from_file_location("cells", FIXTURES / "notebook_cells" / "cells.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_grade_function_from_cell_and_record(mini):
    result = grader.grade("mc_pass", cells().double, workspace=str(mini), lang="en")
    assert result.status == "pass" and result.recorded
    assert "<td style='color:#1a7f37'>pass</td>" in result._repr_html_()
    assert repr(result).splitlines()[-1] == "mc_pass: 3/3 points — PASS"
    rows = (
        sqlite3.connect(mini / ".drill" / "history.sqlite").execute("SELECT problem, status FROM attempts").fetchall()
    )
    assert rows == [("mc_pass", "pass")]


def test_wrong_cell_gets_diagnosis(mini):
    result = grader.grade("mc_diagnosis", cells().matmul, workspace=str(mini), lang="en")
    assert result.status == "fail"
    assert result.checks[0].diagnosis == "the result is transposed: return a @ b"
    assert "→ diagnosis: the result is transposed: return a @ b" in result._repr_html_()


def test_answer_problem_from_notebook(mini):
    assert grader.grade("mc_symbolic", "d=2(x+y)", workspace=str(mini), lang="en").status == "pass"


def test_object_without_source():
    with pytest.raises(UsageError, match="cannot find the source of int"):
        grader.grade("affine_backward", 3)


def test_outside_any_workspace_it_grades_on_the_course_and_records_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DRILL_WORKSPACE", raising=False)
    result = grader.grade("d_tanh_expr", "1 - tanh(x)^2", lang="en")
    assert result.status == "pass" and not result.recorded
    assert not (tmp_path / ".drill").exists()
    assert grader.grade("d_tanh_expr", "1 + tanh(x)^2", lang="en").status == "fail"


def test_the_html_scorecard_is_in_japanese_with_lang_ja(mini):
    html = grader.grade("mc_diagnosis", cells().matmul, workspace=str(mini), lang="ja")._repr_html_()
    assert "<th>チェック</th><th>結果</th><th>点</th><th>メッセージ</th>" in html
    assert "<td style='color:#cf222e'>不合格</td>" in html and "→ 診断: " in html
    assert "点 — <span style='color:#cf222e'>不合格</span>" in html
    for english in (">check<", ">result<", ">points<", ">message<", ">FAIL<", "→ diagnosis", " points "):
        assert english not in html


def test_outside_a_workspace_the_html_says_nothing_was_recorded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DRILL_WORKSPACE", raising=False)
    html = grader.grade("d_tanh_expr", "1 - tanh(x)^2", lang="ja")._repr_html_()
    assert "作業フォルダの外なので、この結果は記録されていません" in html


def test_a_multi_part_answer_without_keys_is_told_how_grade_takes_answers(tmp_path):
    from click.testing import CliRunner
    from grader import grade
    from grader.cli import main
    from grader.errors import UsageError

    CliRunner().invoke(main, ["init", str(tmp_path / "ws")])
    with pytest.raises(UsageError) as info:
        grade("rnn_y1", "sigmoid(W_in x1)", workspace=str(tmp_path / "ws"), lang="en")
    message = info.value.text("en")
    assert (
        message
        == "'rnn_y1' has parts s1, y1: pass one 'KEY=answer' string per part (e.g. grade('rnn_y1', 's1=…', 'y1=…'))"
    )
    assert "--answer" not in message
