"""`drill dev check --coverage`: the reference solutions' lines and branches no hidden case reaches."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_coverage_names_the_solution_lines_and_branches_no_hidden_case_reaches(cli, mini):
    (mini / "solutions" / "mc" / "mc_pass.py").write_text(
        "def double(x):\n    if x.ndim == 1:\n        return x + x\n    return 2 * x\n", encoding="utf-8"
    )
    result = cli("--workspace", mini, "dev", "check", "--coverage")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-2:] == [
        "1 solution(s) with code no hidden case reaches:",
        "  - mc_pass: solutions/mc/mc_pass.py: lines 3; branches 2->3",
    ]


def test_coverage_of_fully_reached_solutions_says_so(cli, mini):
    result = cli("--workspace", mini, "dev", "check", "--coverage")
    assert result.stdout.splitlines()[-1] == (
        "coverage OK: every line and branch of every code solution is reached by its hidden cases"
    )


def test_a_solution_that_raises_is_left_to_dev_check_and_the_rest_is_measured(cli, mini):
    (mini / "solutions" / "mc" / "mc_pass.py").write_text(
        "def double(x):\n    raise ValueError('broken')\n", encoding="utf-8"
    )
    result = cli("--workspace", mini, "dev", "check", "--coverage")
    assert result.exit_code == 1
    assert "  - mc_pass: the solution solutions/mc/mc_pass.py does not pass" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("coverage OK")
