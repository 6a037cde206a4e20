"""The CLI's user-facing lines and exit codes, exactly."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from grader.cli import main

REPO = Path(__file__).resolve().parent.parent


def test_outside_any_workspace(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("next")
    assert result.exit_code == 2
    assert result.stderr == "Error: no drill workspace here. Run 'drill init ~/e-shikaku' or cd into one.\n"


def test_unknown_id_suggests(cli):
    result = cli("--workspace", REPO, "show", "afine_backward")
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown problem 'afine_backward'. Did you mean 'affine_backward'? (drill list)\n"


def test_unknown_id_without_suggestion(cli):
    result = cli("--workspace", REPO, "grade", "zzz")
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown problem 'zzz'. (drill list)\n"


def test_answer_for_code_problem(cli, mini):
    result = cli("--workspace", mini, "grade", "mc_pass", "--answer", "x")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: 'mc_pass' is a code problem: edit exercises/mc/mc_pass.py and run "
        "'drill grade mc_pass' without --answer.\n"
    )


def test_answer_without_key_for_multi_part(cli, tmp_path):
    cli("init", tmp_path / "ws")
    result = cli("--workspace", tmp_path / "ws", "grade", "rnn_y1", "--answer", "sigmoid(W_in x1)")
    assert result.exit_code == 2
    assert result.stderr == ("Error: 'rnn_y1' has parts s1, y1: write --answer KEY=EXPR (e.g. --answer 's1=…').\n")


def test_unknown_part(cli, tmp_path):
    cli("init", tmp_path / "ws")
    result = cli("--workspace", tmp_path / "ws", "grade", "rnn_y1", "--answer", "s2=W")
    assert result.exit_code == 2
    assert result.stderr == "Error: 'rnn_y1' has no part 's2'; its parts are s1, y1. Use --answer KEY=EXPR.\n"


def test_corrupt_catalog(cli, mini):
    (mini / "problems.yaml").write_text("format_version: 1\nproblems: [\n", encoding="utf-8")
    result = cli("--workspace", mini, "list")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: problems.yaml: not valid YAML at line 3, column 1:")
    assert result.stderr.count("\n") == 1


def test_catalog_error_names_entry_and_key(cli, mini):
    text = (mini / "problems.yaml").read_text(encoding="utf-8")
    (mini / "problems.yaml").write_text(
        text.replace("{kind: cases, name: product", "{kind: gradchek, name: product"), encoding="utf-8"
    )
    result = cli("--workspace", mini, "list")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: problems.yaml: problem 'mc_diagnosis': checks[0].kind 'gradchek' is not one "
        "of cases, gradcheck, training, symbolic, choice, numeric\n"
    )


def test_unreadable_history_warns_and_carries_on(cli, mini):
    state = mini / ".drill"
    state.mkdir()
    (state / "history.sqlite").write_bytes(b"this is not a database" * 100)
    result = cli("--workspace", mini, "grade", "mc_pass")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"Warning: history at {state / 'history.sqlite'} cannot be used (")
    assert (state / "history.sqlite").read_bytes() == b"this is not a database" * 100


def test_grade_records_history(cli, mini):
    cli("--workspace", mini, "grade", "mc_fail")
    cli("--workspace", mini, "grade", "mc_pass")
    rows = (
        sqlite3.connect(mini / ".drill" / "history.sqlite")
        .execute("SELECT problem, status, score FROM attempts ORDER BY id")
        .fetchall()
    )
    assert rows == [("mc_fail", "fail", 0.0), ("mc_pass", "pass", 3.0)]


def test_list_json_contract(cli, mini):
    cli("--workspace", mini, "grade", "mc_fail")
    rows = json.loads(cli("--workspace", mini, "list", "--json").stdout)
    assert rows[0] == {
        "version": 1,
        "id": "mc_pass",
        "topic": "mc",
        "kind": "code",
        "title": "Double (passes)",
        "points": 3,
        "status": "new",
        "since_pass": None,  # "failing" or "edited" for a pass that no longer holds (additive)
        "file": "exercises/mc/mc_pass.py",
        "requires": [],
        "area": 3,  # the first syllabus item's (additive)
        "syllabus": ["3-1-1"],
    }
    assert rows[1]["status"] == "failed"


def test_list_by_syllabus_item_middle_item_or_area(cli, mini):
    ids = lambda *args: [r["id"] for r in json.loads(cli("--workspace", mini, "list", "--json", *args).stdout)]  # noqa: E731
    assert ids("--syllabus", "5-2-1") == ["mc_choice"]
    assert ids("--syllabus", "5-2") == ["mc_choice"]
    assert ids("--syllabus", "1") == ["mc_symbolic"]
    assert len(ids("--syllabus", "3")) == 5


def test_list_by_a_syllabus_id_that_does_not_exist_or_has_no_problem(cli, mini):
    bad = cli("--workspace", mini, "list", "--syllabus", "4-99")
    assert bad.exit_code == 2
    assert bad.stderr == "Error: '4-99' is not a syllabus ID (e.g. 4, 4-2, 4-2-1)\n"
    empty = cli("--workspace", mini, "--lang", "ja", "list", "--syllabus", "4-2")
    assert empty.exit_code == 2
    assert (
        empty.stderr == "エラー: シラバスの 4-2 を扱う問題はまだありません（drill stats に小項目ごとの数があります）\n"
    )


def test_list_unknown_topic(cli, mini):
    result = cli("--workspace", mini, "list", "--topic", "zz")
    assert result.exit_code == 2
    assert result.stderr == "Error: no problems with topic 'zz'. Topics: mc\n"


def test_lang_ja(cli, mini):
    result = cli("--workspace", mini, "--lang", "ja", "grade", "mc_diagnosis")
    assert result.stdout.rstrip().splitlines()[-2:] == [
        "mc_diagnosis: 0/4 点 — 不合格",
        "解説: drill explain mc_diagnosis（合格前に読むと、次の合格の評価は「難しい」になります）",
    ]
    assert "→ 診断: 転置されています。" in result.stdout


def test_hint_tiers(cli, mini):
    assert cli("--workspace", mini, "hint", "mc_pass").stdout == "Hint 1/2: Multiply by 2.\n"
    assert cli("--workspace", mini, "hint", "mc_pass").stdout == "Hint 2/2: return 2 * x\n"
    assert cli("--workspace", mini, "hint", "mc_pass").stdout == "Hint 2/2: return 2 * x\n(that was the last hint)\n"


def test_solution_needs_yes_before_pass(cli, mini):
    result = cli("--workspace", mini, "solution", "mc_fail")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: you have not passed 'mc_fail' yet. Run 'drill solution mc_fail --yes' to see it anyway.\n"
    )
    shown = cli("--workspace", mini, "solution", "mc_fail", "--yes")
    assert shown.exit_code == 0 and "return 2 * x" in shown.stdout
    rows = (
        sqlite3.connect(mini / ".drill" / "history.sqlite")
        .execute("SELECT problem, passed FROM solutions_viewed")
        .fetchall()
    )
    assert rows == [("mc_fail", 0)]


def test_solution_free_after_pass(cli, mini):
    cli("--workspace", mini, "grade", "mc_pass")
    result = cli("--workspace", mini, "solution", "mc_pass")
    assert result.exit_code == 0 and "return 2 * x" in result.stdout


def test_init_then_reset_keeps_backup(cli, tmp_path):
    ws = tmp_path / "ws"
    result = cli("init", ws)
    assert result.exit_code == 0 and result.stdout.startswith(f"Created a workspace at {ws.resolve()}")
    path = ws / "exercises" / "03_calculus" / "d_tanh_expr.md"
    stub = path.read_text(encoding="utf-8")
    path.write_text(stub.replace("dydx =", "dydx = 1 - tanh(x)^2"), encoding="utf-8")
    assert cli("--workspace", ws, "grade", "d_tanh_expr").exit_code == 0
    refused = cli("--workspace", ws, "reset", "d_tanh_expr")
    assert refused.exit_code == 2
    assert refused.stderr == "Error: resetting needs confirmation: run 'drill reset d_tanh_expr --yes'.\n"
    done = cli("--workspace", ws, "reset", "d_tanh_expr", "--yes")
    assert done.exit_code == 0
    assert path.read_text(encoding="utf-8") == stub
    backups = list((ws / ".drill" / "backup").iterdir())
    assert len(backups) == 1 and "1 - tanh(x)^2" in backups[0].read_text(encoding="utf-8")
    assert (
        done.stdout
        == f"exercises/03_calculus/d_tanh_expr.md: reset (your file was saved as .drill/backup/{backups[0].name})\n"
    )


def test_init_refuses_existing_workspace(cli, tmp_path):
    cli("init", tmp_path / "ws")
    result = cli("init", tmp_path / "ws")
    assert result.exit_code == 2
    assert (
        result.stderr == f"Error: {tmp_path / 'ws'} already is a drill workspace; use 'drill reset' to restore stubs.\n"
    )


def test_grade_needs_id_or_all(cli, mini):
    result = cli("--workspace", mini, "grade")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: give one problem ID, or --all"


def test_grade_all_table(cli, mini):
    result = cli("--workspace", mini, "grade", "--all")
    assert result.exit_code == 1
    last = result.stdout.rstrip().splitlines()[-1].split()
    assert last[0] == "total" and last[-1] == "5/20"


def test_all_commands_have_help_with_example():
    def walk(command, path):
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, path + [name])

    for path, command in walk(main, []):
        help_text = command.help or ""
        assert "Example: drill" in help_text.strip().splitlines()[-1], path


@pytest.mark.parametrize("args", [["list"], ["show", "mc_pass"], ["next"], ["hint", "mc_pass"]])
def test_light_commands_exit_zero(cli, mini, args):
    assert cli("--workspace", mini, *args).exit_code == 0


def test_missing_answer_file_is_an_error(cli, mini):
    (mini / "exercises" / "mc" / "mc_symbolic.md").unlink()
    result = cli("--workspace", mini, "grade", "mc_symbolic", "--json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1 and data["status"] == "error"
    assert data["message"] == (
        "exercises/mc/mc_symbolic.md does not exist (restore it with: drill reset "
        "mc_symbolic, or give --answer KEY=EXPR)"
    )


def test_missing_code_file_is_an_error(cli, mini):
    (mini / "exercises" / "mc" / "mc_pass.py").unlink()
    data = json.loads(cli("--workspace", mini, "grade", "mc_pass", "--json").stdout)
    assert data["status"] == "error"
    assert data["message"] == "exercises/mc/mc_pass.py does not exist (restore it with: drill reset mc_pass)"


@pytest.mark.parametrize(
    "problem_id, file, line",
    [
        ("mc_pass", "mc_pass.py", "exercises/mc/mc_pass.py がありません（drill reset mc_pass で元に戻せます）"),
        (
            "mc_symbolic",
            "mc_symbolic.md",
            "exercises/mc/mc_symbolic.md がありません（drill reset mc_symbolic で元に戻せます"
            "、または --answer KEY=EXPR で解答を渡してください）",
        ),
    ],
)
def test_a_missing_file_is_said_in_japanese(cli, mini, problem_id, file, line):
    (mini / "exercises" / "mc" / file).unlink()
    result = cli("--workspace", mini, "--lang", "ja", "grade", problem_id, "--json")
    assert result.exit_code == 1 and json.loads(result.stdout)["message"] == line


HEAVY = ("numpy", "sympy", "tabulate", "fsrs", "yaml")


@pytest.mark.parametrize(
    "args",
    [
        ["next"],
        ["list"],
        ["show", "affine_backward"],
        ["hint", "affine_backward"],
        # parametric: numbers drawn under integral constraints, by grader.expr
        ["show", "conv_output_size"],
        ["hint", "conv_output_size"],
    ],
)
def test_start_up_commands_import_no_heavy_library(cli, tmp_path, args):
    import subprocess
    import sys

    ws = tmp_path / "ws"
    cli("init", ws)
    cli("--workspace", ws, "list")  # the run that writes the catalog cache reads problems.yaml with yaml
    code = (
        "import sys\nfrom grader.cli import main\nmain(sys.argv[1:], standalone_mode=False)\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, "--workspace", str(ws), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    ).stdout
    # drill list lays its table out as tabulate would (report.simple_table, held to tabulate's output by
    # tests/test_report.py): importing tabulate 0.10 reads importlib.metadata, most of list's budget
    assert out.splitlines()[-1] == "[]"


@pytest.mark.parametrize("args", [["next"], ["list"], ["show", "d_tanh_expr"], ["hint", "affine_backward"]])
def test_start_up_commands_from_the_cache_leave_the_check_kinds_alone(cli, tmp_path, args):
    """A cached catalog's check parameters are rebuilt only when used: listing and showing problems
    imports no check kind (nor the formula reader, nor the parameter schema)."""
    import subprocess
    import sys

    ws = tmp_path / "ws"
    cli("init", ws)
    cli("--workspace", ws, "list")  # the cache is written
    lazy = (
        "grader.checks.schema",
        "grader.checks.base",
        "grader.checks.symbolic",
        "grader.checks.choice",
        "grader.expr",
        "grader.sandbox",
        "grader.grading",
    )
    code = (
        "import sys; from grader.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {lazy!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, "--workspace", str(ws), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    ).stdout
    assert out.splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    "args", [["list", "--json"], ["grade", "mc_pass", "--json"], ["grade", "--all", "--json"], ["stats", "--json"]]
)
def test_every_json_object_says_its_version(cli, mini, args):
    data = json.loads(cli("--workspace", mini, *args).stdout)
    objects = data if isinstance(data, list) else [data]
    assert objects and all(item["version"] == 1 for item in objects)
