"""Reading the learner's file, once, for every caller: one message per fault, in the learner's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from grader import catalog as catalog_mod
from grader.errors import UsageError
from grader.submission import Answers, Code, Unreadable, read_learner_file, submission_from_file

REPO = Path(__file__).resolve().parent.parent
CATALOG = catalog_mod.load(REPO / "problems.yaml")
LABEL = "exercises/02_backprop/affine_backward.py"


def test_utf8_with_a_bom_and_crlf_is_read_as_text(tmp_path):
    path = tmp_path / "a.py"
    path.write_bytes("\ufeffdef f(x):\r\n    return x  # 二倍\r\n".encode())
    assert read_learner_file(path, LABEL, "affine_backward", "en") == "def f(x):\r\n    return x  # 二倍\r\n"


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", f"{LABEL} does not exist (restore it with: drill reset affine_backward)"),
        ("ja", f"{LABEL} がありません（drill reset affine_backward で元に戻せます）"),
    ],
)
def test_a_missing_code_file_says_how_to_restore_it(tmp_path, lang, line):
    got = read_learner_file(tmp_path / "gone.py", LABEL, "affine_backward", lang)
    assert got == Unreadable("missing", line)


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "x.md does not exist (restore it with: drill reset d_tanh_expr, or give --answer KEY=EXPR)"),
        (
            "ja",
            "x.md がありません（drill reset d_tanh_expr で元に戻せます、または --answer KEY=EXPR で解答を渡してください）",
        ),
    ],
)
def test_a_missing_answer_file_also_names_answer(tmp_path, lang, line):
    got = read_learner_file(tmp_path / "x.md", "x.md", "d_tanh_expr", lang, answers_too=True)
    assert got == Unreadable("missing", line)


@pytest.mark.parametrize(
    "lang, encoding, line",
    [
        ("en", "cp932", "a.py is saved in Shift_JIS (cp932), not UTF-8: save it as UTF-8 and grade again"),
        ("ja", "cp932", "a.py は Shift_JIS (cp932) で保存されています。UTF-8 で保存し直してから採点してください"),
        ("en", "utf-16", "a.py is saved in UTF-16, not UTF-8: save it as UTF-8 and grade again"),
        ("en", None, "a.py is saved in an unknown encoding, not UTF-8: save it as UTF-8 and grade again"),
        ("ja", None, "a.py は 不明な文字コード で保存されています。UTF-8 で保存し直してから採点してください"),
    ],
)
def test_a_file_not_in_utf8_names_its_encoding(tmp_path, lang, encoding, line):
    path = tmp_path / "a.py"
    data = {
        "cp932": "# 日本語のコメント\n".encode("cp932"),
        "utf-16": "x = 1  # 二倍\n".encode("utf-16"),
        None: b"x = 1\n\xfd\xfe\x81",
    }[encoding]
    path.write_bytes(data)
    assert read_learner_file(path, "a.py", "affine_backward", lang) == Unreadable("encoding", line)


@pytest.mark.parametrize(
    "lang, line", [("en", "a.py is a directory, not a file"), ("ja", "a.py はフォルダです。ファイルではありません")]
)
def test_a_folder_is_not_a_file(tmp_path, lang, line):
    (tmp_path / "a.py").mkdir()
    assert read_learner_file(tmp_path / "a.py", "a.py", "affine_backward", lang) == Unreadable("directory", line)


def test_a_code_file_is_code_and_answers_are_merged_over_the_answer_file(tmp_path):
    code = tmp_path / "a.py"
    code.write_text("x = 1\n", encoding="utf-8")
    assert submission_from_file(CATALOG.get("affine_backward"), code, "a.py", "en") == Code("x = 1\n", code)
    md = tmp_path / "d.md"
    md.write_text("```answer\ndydx = 1 - tanh(x)^2\n```\n", encoding="utf-8")
    problem = CATALOG.get("d_tanh_expr")
    assert submission_from_file(problem, md, "d.md", "en") == Answers({"dydx": "1 - tanh(x)^2"}, "d.md")
    given = submission_from_file(problem, tmp_path / "gone.md", "gone.md", "en", ("1/cosh(x)^2",))
    assert given == Answers({"dydx": "1/cosh(x)^2"}, "gone.md")  # every part given: no file needed


def test_answer_for_a_code_problem_is_a_usage_error(tmp_path):
    with pytest.raises(
        UsageError,
        match=r"^'affine_backward' is a code problem: edit a.py and run "
        r"'drill grade affine_backward' without --answer.$",
    ):
        submission_from_file(CATALOG.get("affine_backward"), tmp_path / "a.py", "a.py", "en", ("x",))


def test_the_digest_is_of_what_was_graded():
    assert Code("x = 1\n", Path("a.py")).digest() == Code("x = 1\n", Path("b.py")).digest()
    assert Code("x = 1\n", Path("a.py")).digest() != Code("x = 2\n", Path("a.py")).digest()
    assert Answers({"a": "1", "b": "2"}).digest() == Answers({"b": "2", "a": "1"}, "f.md").digest()
    assert Unreadable("missing", "…").digest() is None
