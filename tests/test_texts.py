"""One text type: language is chosen in grader/texts.py and the renderer only, and with --lang ja no
English reaches the learner but code, identifiers and proper names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from grader.cli import main
from grader.texts import Text

REPO = Path(__file__).resolve().parent.parent
INLINE_CHOICE = re.compile(r"""(==|!=)\s*["'](ja|en)["']|["'](ja|en)["']\s*(==|!=)|\bif\s+ja\b|\bja\s+if\b""")
# words that may stay in Latin letters in Japanese output: commands, metavars, names, units
ALLOWED = set(
    """
drill init list show next grade hint solution reset stats exam watch dev check mutants jobs coverage help lang workspace json yes
all answer verbose seed topic explain today minutes questions area answers review poll version
OPTIONS COMMAND ARGS ID DIR DATE FILE INTEGER TEXT KEY EXPR DIRECTORY PATH RANGE
DRILL_LANG DRILL_WORKSPACE DRILL_TODAY LANG YYYY MM DD UTF JSON WSL Enter Ctrl sympy numpy yaml tanh cosh exp
python pip install problems backup mc values product d split s
notebook notebooks out Jupyter nbformat ipynb
autograde format gradescope prairielearn exercism classroom Gradescope DRILL_SUBMISSION_ID SUBMISSION_DIR CHECK
export install GitHub Classroom ORG git https github com zip
collect batch submissions results gradebook csv auto CSV JOB_COMPLETION_INDEX AWS_BATCH_JOB_ARRAY_INDEX SLURM_ARRAY_TASK_ID DRILL_SHARD_INDEX I N NAME UID nobody root user same config files YAML
Deep Learning
""".split()
)


def english_words(text: str) -> list[str]:
    """The English words left in `text` once code, paths, identifiers, options, quoted names, Python's
    own error text (with the code line it quotes) and allowed words are taken out."""
    text = re.sub(r"\b[A-Z]\w*(Error|Exception)\b[^\n]*(\n {4}[^\n]*\n {4}[ ]*\^)?", " ", text)
    text = re.sub(r"'[^'\n]*'|`[^`\n]*`|\"[^\"\n]*\"", " ", text)  # quoted: ids, commands, values
    text = re.sub(r"\S*[/\\_.=<>@~\[\]{}()0-9]\S*", " ", text)  # paths, identifiers, options, numbers
    text = re.sub(r"--?[\w-]+", " ", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in ALLOWED and w.lower() not in ALLOWED]


def test_the_checker_finds_english_and_lets_japanese_and_code_through():
    assert english_words("Error: unknown problem 'x'") == ["Error", "unknown", "problem"]
    assert english_words("エラー: 問題 'affine_bakward' はありません。（drill list）") == []
    assert english_words("exercises/02_backprop/affine_backward.py がありません（drill reset affine_backward）") == []


@pytest.mark.parametrize("path", sorted((REPO / "grader").rglob("*.py")), ids=lambda p: str(p.relative_to(REPO)))
def test_no_inline_language_choice_outside_the_text_module_and_the_renderer(path):
    if path.name in ("texts.py", "report.py") or "hidden" in path.parts:
        return
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if INLINE_CHOICE.search(line)
    ]
    assert found == []


def test_a_text_is_chosen_and_filled_in_either_language():
    missing = Text("{file} がありません", "{file} does not exist").fill(file="a.py")
    assert (missing.get("ja"), missing.get("en"), str(missing)) == (
        "a.py がありません",
        "a.py does not exist",
        "a.py does not exist",
    )
    nested = Text("理由: {why}", "because: {why}").fill(why=Text("ディスクがいっぱいです", "the disk is full"))
    assert (nested.get("ja"), nested.get("en")) == ("理由: ディスクがいっぱいです", "because: the disk is full")
    assert Text("{n} 件", "{n} items").format("ja", n=3) == "3 件"
    assert Text("はい", "yes").get("fr") == "yes"


def _ja(*args, input=None, env=None):
    result = CliRunner().invoke(main, ["--lang", "ja", *map(str, args)], input=input, env=env, prog_name="drill")
    assert "Traceback" not in result.output, result.output
    return result


def _assert_japanese(output: str) -> None:
    assert output.strip(), "nothing was printed"
    left = english_words(output)
    assert left == [], f"English under --lang ja: {left}\n{output}"


# every error path of the CLI: the learner's, Click's, the core's
ERRORS = [
    (("grade",), 2),
    (("grade", "--nope"), 2),
    (("show",), 2),
    (("--lang", "fr", "list"), 2),
    (("grade", "no_such_problem"), 2),
    (("grade", "mc_pas"), 2),
    (("list", "--topic", "zz"), 2),
    (("grade", "mc_pass", "--answer", "x=1"), 2),
    (("grade", "--all", "--answer", "x"), 2),
    (("reset",), 2),
    (("reset", "mc_pass"), 2),
    (("solution", "mc_pass"), 2),
    (("exam", "--review"), 2),
    (("exam", "--area", "9"), 2),
    (("next", "--today", "tomorrow"), 2),
    (("init", "{ws}"), 2),
]


@pytest.mark.parametrize("args, code", ERRORS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else str(v))
def test_every_error_path_speaks_japanese(mini, args, code):
    result = _ja("--workspace", mini, *[a.replace("{ws}", str(mini)) for a in args])
    assert result.exit_code == code, result.output
    _assert_japanese(result.output)
    assert "エラー: " in result.output


def test_no_workspace_and_a_broken_catalog_speak_japanese(tmp_path, mini):
    import os

    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = _ja("list")
    finally:
        os.chdir(old)
    assert result.exit_code == 2 and result.stderr.startswith("エラー: ここは drill の作業フォルダではありません。")
    (mini / "problems.yaml").write_text(
        (mini / "problems.yaml")
        .read_text(encoding="utf-8")
        .replace("points: 3}", "points: 3, params: {rtol: tight}}", 1),
        encoding="utf-8",
    )
    result = _ja("--workspace", mini, "list")
    assert result.exit_code == 2
    assert result.stderr == (
        "エラー: problems.yaml: 問題 'mc_pass': checks[0].params.rtol: 数値が必要ですが、'tight' です\n"
    )


@pytest.mark.parametrize(
    "problem_id, code", [("mc_pass", 0), ("mc_fail", 1), ("mc_error", 1), ("mc_timeout", 1), ("mc_diagnosis", 1)]
)
def test_a_grade_of_each_outcome_speaks_japanese(mini, problem_id, code):
    sources = mini / "solutions" / "mc"
    if problem_id == "mc_pass":
        (mini / "exercises/mc/mc_pass.py").write_bytes((sources / "mc_pass.py").read_bytes())
    result = _ja("--workspace", mini, "grade", problem_id)
    assert result.exit_code == code, result.output
    _assert_japanese(result.output)


def test_a_missing_file_and_a_grade_of_answers_speak_japanese(mini):
    (mini / "exercises/mc/mc_fail.py").unlink()
    _assert_japanese(_ja("--workspace", mini, "grade", "mc_fail").output)
    for args in (
        ("mc_symbolic", "--answer", "2*x"),
        ("mc_symbolic", "--answer", "2*(x+"),
        ("mc_choice", "--answer", "B"),
        ("mc_numeric", "--answer", "q"),
    ):
        _assert_japanese(_ja("--workspace", mini, "grade", *args).output)


def _commands(group, path=()):
    yield path
    for name, sub in getattr(group, "commands", {}).items():
        yield from _commands(sub, path + (name,))


@pytest.mark.parametrize("path", list(_commands(main)), ids=lambda p: " ".join(p) or "drill")
def test_the_help_of_every_command_is_in_japanese(path):
    result = _ja(*path, "--help")
    assert result.exit_code == 0
    _assert_japanese(result.output)
    assert "使い方:" in result.output


def test_english_comes_back_with_lang_en_in_the_same_process():
    assert "使い方:" in CliRunner().invoke(main, ["--lang", "ja", "--help"]).output
    result = CliRunner().invoke(main, ["--lang", "en", "grade", "--help"], prog_name="drill")
    assert "Usage: drill grade" in result.output and "Grade a problem" in result.output
    assert "Show this message and exit." in result.output and "このメッセージ" not in result.output
    result = CliRunner().invoke(main, ["--lang", "en", "grade", "--nope"])
    assert "Error: No such option" in result.output


def test_the_light_commands_and_the_japanese_environment_speak_japanese(mini):
    for args in (("list",), ("show", "mc_symbolic"), ("hint", "mc_symbolic"), ("next",), ("stats",)):
        _assert_japanese(_ja("--workspace", mini, *args).output)
    result = CliRunner().invoke(
        main,
        ["--workspace", str(mini), "grade"],
        env={"DRILL_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "ja_JP.UTF-8"},
    )
    assert result.exit_code == 2 and "エラー: 問題 ID を 1 つ指定するか、--all を付けてください" in result.output
