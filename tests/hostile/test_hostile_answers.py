"""Hostile answers to a real symbolic problem, end to end: `drill grade d_tanh_expr --json` in a
subprocess, the answer given with --answer (or written to the answer file where argv cannot carry it).

Each gives exit 1 and one check whose message is a single line (a caret line under it at most) saying
the answer cannot be read or is not equivalent; no traceback; a few seconds of wall time; the grader's
memory bounded; and nothing of the answer executed. Cases run two at a time in a module fixture.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from grader import workspace

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the hostile runner reads /proc")

PID, PART = "d_tanh_expr", "dydx"
ANSWER_FILE = "exercises/03_calculus/d_tanh_expr.md"
WALL_LIMIT_S = 10.0
PEAK_RSS_LIMIT_KB = 300_000
CANNOT = "cannot read this answer: "
TOO_LARGE = CANNOT + "an exponent is too large"
ALLOWED = "allowed: x, sigmoid(), exp(), log(), ln(), tanh(), cosh(), sinh(), sech(), sqrt()"
SLOW_FOR_SYMPY = "1 - tanh(x)^2 + e^(-1000)*(tanh(x) + sech(x) + exp(x) + sigmoid(x))^12"

# name: (answer, how it reaches drill, exit code, the check's message: its first line, exactly)
CASES = {
    "import_os_system": (
        "__import__('os').system('touch SENTINEL')",
        "argv",
        1,
        CANNOT + "unexpected character ''' at position 12",
    ),
    "import_os_bare": ("__import__(os)", "argv", 1, "unknown name '__import__' at position 1; " + ALLOWED),
    "lambda": ("lambda x: x", "argv", 1, CANNOT + "unexpected character ':' at position 9"),
    "dunder_class": ("x.__class__", "argv", 1, CANNOT + "unexpected character '.' at position 2"),
    "dunder_bases": ("().__class__.__bases__", "argv", 1, CANNOT + "unexpected character '.' at position 3"),
    "exec": ("exec('1')", "argv", 1, CANNOT + "unexpected character ''' at position 6"),
    "exec_sentinel": ("exec(\"open('SENTINEL','w')\")", "argv", 1, CANNOT + "unexpected character '\"' at position 6"),
    "open_passwd": ("open('/etc/passwd')", "argv", 1, CANNOT + "unexpected character ''' at position 6"),
    "globals": ("globals()", "argv", 1, "unknown name 'globals' at position 1; " + ALLOWED),
    "answer_100kb": ("x+" * 50_000 + "x", "argv", 1, CANNOT + "longer than 2000 characters"),
    "parens_10000": ("(" * 10_000 + "x" + ")" * 10_000, "argv", 1, CANNOT + "longer than 2000 characters"),
    "parens_999": ("(" * 999 + "x" + ")" * 999, "argv", 1, CANNOT + "nested too deeply"),
    "chain_999": ("x+" * 999 + "x", "argv", 1, CANNOT + "more than 120 operations chained or nested"),
    "transpose_999": ("x" + ".T" * 999, "argv", 1, CANNOT + "more than 120 operations chained or nested"),
    "tower_9": ("9^9^9^9", "argv", 1, TOO_LARGE),
    "tower_10": ("10**10**10", "argv", 1, TOO_LARGE),
    "x_to_10_10": ("x^(10^10)", "argv", 1, TOO_LARGE),
    "float_1e999999": ("1e999999", "argv", 1, TOO_LARGE),
    "tiny_huge_literal": ("1 - tanh(x)^2 + 1/1e99999999999", "argv", 1, TOO_LARGE),
    "nested_powers": ("1 - tanh(x)^2 + 1/((10^1000)^1000)^1000", "argv", 1, CANNOT + "its numbers grow too large"),
    "nul_byte": ("x\x00", "file", 1, CANNOT + "unexpected character U+0000 at position 2"),
    "lone_surrogate": (b"\xed\xa0\x80", "argv", 1, CANNOT + "unexpected character U+DCED at position 1"),
    "not_utf8_file": (
        b"\xff\xfe x",
        "file",
        1,
        f"{ANSWER_FILE} is saved in an unknown encoding, not UTF-8: save it as UTF-8 and grade again",
    ),
    "right_to_left_override": ("x\u202e", "argv", 1, CANNOT + "unexpected character U+202E at position 2"),
    "cyrillic_x": ("1 - tanh(х)^2", "argv", 1, CANNOT + "unexpected character 'х' at position 10"),
    "fullwidth_exec": ("ｅｘｅｃ(x)", "argv", 1, "unknown name 'exec' at position 1; " + ALLOWED),
    "wrong": ("x", "argv", 1, "not equivalent: at x=-0.875 your answer gives -0.874701, the expected answer 0.504729"),
    # controls: the same harness passes what is right, however it is typed
    "right_superscript": ("1 − tanh(x)²", "argv", 0, "equivalent to the expected answer (sympy, and 24 random points)"),
    "right_in_file": ("1 − tanh(𝑥)²", "file", 0, "equivalent to the expected answer (sympy, and 24 random points)"),
    # right, but sympy could expand it for hours: the proof gives up, the numbers decide
    "slow_for_sympy": (SLOW_FOR_SYMPY, "argv", 0, "equivalent to the expected answer (checked at 24 random points)"),
}


def grade_case(hostile, root: Path, name: str):
    answer, how, _, _ = CASES[name]
    ws = workspace.init(root / "ws").root
    if how == "file":
        data = answer if isinstance(answer, bytes) else answer.encode("utf-8")
        (ws / ANSWER_FILE).write_bytes(b"```answer\n" + PART.encode() + b" = " + data + b"\n```\n")
        return hostile.run(ws, "grade", PID, "--json")
    given = PART.encode() + b"=" + answer if isinstance(answer, bytes) else f"{PART}={answer}"
    return hostile.run(ws, "grade", PID, "--json", "--answer", given)


@pytest.fixture(scope="module")
def graded(request, hostile, tmp_path_factory):
    """Grade every selected case once, two at a time; {name: (DrillRun, case root)}."""
    base = tmp_path_factory.mktemp("answers")
    return hostile.two_at_a_time(request, lambda n: (grade_case(hostile, base / n, n), base / n))


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_answer(graded, name):
    _, _, exit_code, message = CASES[name]
    run, root = graded[name]
    assert not run.hung, "drill did not return"
    assert "Traceback" not in run.stdout + run.stderr
    assert run.stderr.strip() == "", run.stderr
    assert run.returncode == exit_code
    data = run.json()
    assert [c["name"] for c in data["checks"]] == [PART]
    first, *rest = data["checks"][0]["message"].split("\n")
    assert first == message
    assert len(rest) in (0, 2) and all(line.startswith("    ") for line in rest), rest  # the caret, if any
    assert run.wall_s < WALL_LIMIT_S
    assert run.peak_kb is not None and run.peak_kb < PEAK_RSS_LIMIT_KB
    assert run.left_behind == []
    assert list(root.rglob("SENTINEL")) == [], "the answer was executed"


def test_the_scorecard_shows_one_line_and_a_caret(hostile, tmp_path):
    ws = workspace.init(tmp_path / "ws").root
    run = hostile.run(ws, "grade", PID, "--answer", f"{PART}=__import__('os').system('id')")
    assert run.returncode == 1 and run.stderr == ""
    lines = run.stdout.splitlines()
    assert lines[2].split(None, 3)[1:] == ["error", "0/5", CANNOT + "unexpected character ''' at position 12"]
    assert lines[3].strip() == "__import__('os').system('id')"
    assert lines[4].strip() == "^" and lines[4].index("^") == lines[3].index("'")
    assert lines[-1] == f"{PID}: 0/5 points — ERROR"
