"""Small things a learner trips over, each pinned: reset of a deleted file, a file path as the id,
suggestions for a partial id, init's next step with a space in the path, local times, and
`drill list` after a pass that no longer holds."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from grader import report

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def ws(cli, tmp_path):
    root = tmp_path / "ws"
    assert cli("init", root).exit_code == 0
    return root


def test_reset_of_a_deleted_file_says_it_was_restored(cli, ws):
    path = ws / "exercises/02_backprop/affine_backward.py"
    path.unlink()
    done = cli("--workspace", ws, "reset", "affine_backward", "--yes")
    assert done.exit_code == 0 and path.is_file()
    assert done.stdout == "exercises/02_backprop/affine_backward.py: restored (there was no file)\n"
    again = cli("--workspace", ws, "reset", "affine_backward", "--yes")
    assert again.stdout == "exercises/02_backprop/affine_backward.py: already the stub\n"
    path.unlink()
    ja = cli("--lang", "ja", "--workspace", ws, "reset", "affine_backward", "--yes")
    assert ja.stdout == "exercises/02_backprop/affine_backward.py: ファイルがなかったので、ひな形を置きました\n"


@pytest.mark.parametrize(
    "given",
    [
        "exercises/02_backprop/affine_backward.py",
        "./exercises/02_backprop/affine_backward.py",
        "exercises\\02_backprop\\affine_backward.py",  # as Windows completes it
        "ABSOLUTE",
    ],
)
def test_a_file_path_is_taken_as_its_problem(cli, ws, given, monkeypatch):
    if given == "ABSOLUTE":
        given = str(ws / "exercises/02_backprop/affine_backward.py")
    monkeypatch.chdir(ws)
    shown = cli("show", given)
    assert shown.exit_code == 0 and shown.stdout.startswith("affine_backward — ")


def test_a_path_from_another_folder_is_found_too(cli, ws, monkeypatch):
    monkeypatch.chdir(ws / "exercises")
    shown = cli("--workspace", ws, "hint", "02_backprop/affine_backward.py")
    assert shown.exit_code == 0 and shown.stdout.startswith("Hint 1/")


@pytest.mark.parametrize(
    "typed, suggested",
    [("affine", "affine_backward"), ("softmax", "softmax_with_loss"), ("afine_backward", "affine_backward")],
)
def test_a_partial_id_suggests_the_problem_it_starts(cli, ws, typed, suggested):
    result = cli("--workspace", ws, "show", typed)
    assert result.exit_code == 2
    assert result.stderr == f"Error: unknown problem '{typed}'. Did you mean '{suggested}'? (drill list)\n"


def test_init_quotes_a_path_with_a_space(cli, tmp_path):
    target = tmp_path / "my drill"
    result = cli("init", target)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == f"Next: cd '{target}' && drill next"


def test_a_windows_shell_gets_double_quotes():
    assert report.shell_quote(r"C:\Users\me\my drill", windows=True) == '"C:\\Users\\me\\my drill"'
    assert report.shell_quote(r"C:\drill", windows=True) == r"C:\drill"
    assert report.shell_quote("/home/me/drill", windows=False) == "/home/me/drill"


@pytest.mark.parametrize(
    "env, windows, langid, expected",
    [
        ({"LANG": "ja_JP.UTF-8"}, False, None, "ja"),
        ({"LC_ALL": "C.UTF-8", "LANG": "ja_JP.UTF-8"}, False, None, "en"),  # LC_ALL wins, as in POSIX
        ({}, False, None, "en"),
        ({}, True, 0x0411, "ja"),  # Japanese Windows sets no LANG: its display language says ja
        ({}, True, 0x0409, "en"),
        ({"LANG": "en_US.UTF-8"}, True, 0x0411, "en"),  # an explicit LANG (Git Bash, WSL) still wins
        ({"DRILL_LANG": "ja", "LANG": "en_US.UTF-8"}, False, None, "ja"),
    ],
)
def test_the_default_language(monkeypatch, env, windows, langid, expected):
    from grader.options import default_lang

    for var in ("DRILL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert default_lang(windows=windows, ui_langid=langid) == expected


def test_windows_display_language_is_not_asked_elsewhere(monkeypatch):
    from grader import options

    for var in ("DRILL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert options._windows_ui_langid() is None  # no windll here: the lookup fails quietly
    assert options.default_lang(windows=True) == "en"


@pytest.fixture
def tokyo(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


def test_times_are_shown_in_the_learners_time_zone(tokyo):
    assert report.local_time(0.0) == "1970-01-01 09:00 JST"


def test_a_review_due_time_is_local(cli, tmp_path, monkeypatch, tokyo):
    import shutil

    import grader.hidden

    mini = tmp_path / "mini"
    shutil.copytree(REPO / "tests/fixtures/mini_course", mini)
    monkeypatch.setattr(grader.hidden, "__path__", [*grader.hidden.__path__, str(mini / "hidden")])
    monkeypatch.setenv("DRILL_TODAY", "2026-11-20")
    assert cli("--workspace", mini, "grade", "mc_fail").exit_code == 1
    monkeypatch.setenv("DRILL_TODAY", "2026-11-21")
    out = cli("--workspace", mini, "next", "--explain")
    assert out.stdout.splitlines()[-1] == "Why: a review due since 2026-11-21 00:00 JST (last rated again: failed)"


def test_drill_list_tells_a_pass_that_no_longer_holds(cli, ws):
    path = ws / "exercises/02_backprop/affine_backward.py"
    stub = path.read_bytes()
    path.write_bytes((REPO / "solutions/02_backprop/affine_backward.py").read_bytes())
    assert cli("--workspace", ws, "grade", "affine_backward").exit_code == 0

    def status() -> tuple[str, str | None]:
        rows = __import__("json").loads(cli("--workspace", ws, "list", "--json").stdout)
        row = next(r for r in rows if r["id"] == "affine_backward")
        return row["status"], row["since_pass"]

    assert status() == ("passed", None)
    later = time.time() + 5
    os.utime(path, (later, later))  # saved again after the pass, not graded since
    assert status() == ("passed", "edited")
    line = next(x for x in cli("--workspace", ws, "list").stdout.splitlines() if x.startswith("affine_backward "))
    assert "edited since pass" in line
    path.write_bytes(stub)
    assert cli("--workspace", ws, "grade", "affine_backward").exit_code == 1
    assert status() == ("passed", "failing")
    line = next(
        x
        for x in cli("--lang", "ja", "--workspace", ws, "list").stdout.splitlines()
        if x.startswith("affine_backward ")
    )
    assert "再び不合格" in line


@pytest.mark.skipif(os.name == "nt", reason="the quick start is run by a POSIX shell here")
def test_the_readme_quick_start_answers_outside_the_clone(tmp_path):
    """README quick start 1 as written (pip install aside): the workspace it makes is not the
    clone, so solving a problem there leaves the course's own stub unsolved for its tests."""
    import re
    import shlex
    import shutil
    import subprocess
    import sys

    from grader import catalog, devcheck
    from grader.workspace import Workspace

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    line = re.search(r"## Quick start.*?```\n(.+?)\n```", readme, re.S).group(1)
    install = "python -m pip install . && "
    assert line.startswith(install)
    bin_dir, home = tmp_path / "bin", tmp_path / "home"
    bin_dir.mkdir()
    home.mkdir()
    shim = bin_dir / "drill"
    shim.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m grader "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = {**os.environ, "HOME": str(home), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    env["PYTHONPATH"] = str(REPO)
    ran = subprocess.run(
        ["bash", "-c", line.removeprefix(install)], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert ran.returncode == 0, ran.stderr
    assert "drill grade" in ran.stdout
    workspace = home / "e-shikaku"
    assert (workspace / "problems.yaml").is_file()

    course = catalog.load(REPO / "problems.yaml")
    problem = course.get("affine_backward")
    shutil.copyfile(REPO / problem.solution, workspace / problem.file)
    assert devcheck.grade_file(Workspace(workspace), problem, workspace / problem.file).status == "pass"
    assert devcheck.grade_file(Workspace(REPO), problem, REPO / problem.file).status != "pass"
