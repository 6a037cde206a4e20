"""Parametric problems: numbers drawn from a seed, fresh numbers after a pass."""

from __future__ import annotations

import json
import re
from pathlib import Path

from grader import catalog as catalog_mod
from grader.params import draw, render

REPO = Path(__file__).resolve().parent.parent
CONV = catalog_mod.load(REPO / "problems.yaml").get("conv_output_size")


def test_draw_is_deterministic_and_meets_constraints():
    for seed in range(40):
        values = draw(CONV, seed)
        assert values == draw(CONV, seed)
        assert (values["H"] + 2 * values["P"] - values["FH"]) % values["S"] == 0
        assert (values["W"] + 2 * values["P"] - values["FW"]) % values["S"] == 0
        assert values["C"] * values["FN"] != values["FN"]
    assert len({tuple(draw(CONV, s).items()) for s in range(40)}) > 30


def test_render_fills_names_and_expressions_only():
    values = {"H": 30, "P": 1}
    assert render("H={H}, OH={H + 2*P}, set {x, y}", values) == "H=30, OH=32, set {x, y}"
    assert render("a } b {", values) == "a } b {"


def _conv_answers(shown: str) -> list[str]:
    """The right --answer arguments for the conv_output_size numbers in a `drill show`."""
    C, H, W = map(int, re.search(r"\(N, C, H, W\) = \(10, (\d+), (\d+), (\d+)\)", shown).groups())
    FN, FH, FW = map(int, re.search(r"\(FN, C, FH, FW\) = \((\d+), \d+, (\d+), (\d+)\)", shown).groups())
    P, S = map(int, re.search(r"P = (\d+).*\n?.*S = (\d+)", shown).groups())
    H2, FH2, P2, S2 = map(
        int,
        re.search(
            r"height (\d+), a filter of height FH = (\d+),\s+padding P = (\d+) and stride S = (\d+)", shown
        ).groups(),
    )
    H3, FH3, D3, P3 = map(
        int,
        re.search(
            r"height (\d+), a filter of height FH = (\d+), dilation d = (\d+),\s+padding P = (\d+)", shown
        ).groups(),
    )
    return [
        "--answer",
        f"oh={(H + 2 * P - FH) // S + 1}",
        "--answer",
        f"ow={(W + 2 * P - FW) // S + 1}",
        "--answer",
        f"oc={FN}",
        "--answer",
        f"oh2={(H2 + 2 * P2 - FH2) // S2 + 1}",
        "--answer",
        f"oh3={H3 + 2 * P3 - (D3 * (FH3 - 1) + 1) + 1}",
    ]


def test_show_and_grade_use_the_same_numbers_and_a_pass_draws_new_ones(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    ws = tmp_path / "ws"
    cli("init", ws)
    first = cli("--workspace", ws, "show", "conv_output_size").stdout
    assert first == cli("--workspace", ws, "show", "conv_output_size").stdout
    args = _conv_answers(first)
    result = cli("--workspace", ws, "grade", "conv_output_size", "--json", *args)
    assert json.loads(result.stdout)["status"] == "pass", result.stdout
    # graded again before the problem is opened again: still the numbers the learner saw
    again = cli("--workspace", ws, "grade", "conv_output_size", *args)
    assert again.exit_code == 0
    lines = again.stdout.splitlines()
    assert lines[lines.index("conv_output_size: 10/10 points — PASS") + 1] == (
        "The numbers change the next time you open it (drill show conv_output_size or drill next); "
        "until then it is graded on these."
    )
    renewed = cli("--workspace", ws, "show", "conv_output_size").stdout
    assert renewed.splitlines()[2] == "(new numbers, since you passed it)"
    assert "(new numbers" not in cli("--workspace", ws, "show", "conv_output_size").stdout  # said once
    fresh = _conv_answers(renewed)
    assert json.loads(cli("--workspace", ws, "grade", "conv_output_size", "--json", *fresh).stdout)["status"] == "pass"
    if fresh != args:
        stale = cli("--workspace", ws, "grade", "conv_output_size", "--json", *args)
        assert json.loads(stale.stdout)["status"] == "fail"


def test_japanese_says_when_the_numbers_change(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    from grader import report

    assert report.numbers_note("eigen_2x2", "ja") == (
        "次に drill show eigen_2x2（または drill next）で開くと、数値が新しくなります。それまでは今の数値で採点します。"
    )


def test_the_solution_shows_the_values_of_the_current_numbers(cli, tmp_path):
    ws = tmp_path / "ws"
    cli("init", ws)
    shown = cli("--workspace", ws, "show", "eigen_2x2").stdout
    a, b, c, d = map(int, re.search(r"\[\[(-?\d+), (-?\d+)\],\s*\[(-?\d+), (-?\d+)\]\]", shown).groups())
    text = cli("--workspace", ws, "solution", "eigen_2x2", "--yes").stdout
    block = text[text.index("```answer") :]
    assert "{" not in block and "sqrt" not in block
    lam1 = float(re.search(r"lam1 = (\S+)", block).group(1))
    assert abs(lam1 - (a + d + ((a - d) ** 2 + 4 * b * c) ** 0.5) / 2) < 1e-9
