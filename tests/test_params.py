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


def test_show_and_grade_use_the_same_numbers_and_a_pass_draws_new_ones(cli, tmp_path):
    ws = tmp_path / "ws"
    cli("init", ws)
    first = cli("--workspace", ws, "show", "conv_output_size").stdout
    numbers = re.search(r"\(N, C, H, W\) = \(10, (\d+), (\d+), (\d+)\)", first).groups()
    assert first == cli("--workspace", ws, "show", "conv_output_size").stdout
    filt = re.search(r"\(FN, C, FH, FW\) = \((\d+), \d+, (\d+), (\d+)\)", first).groups()
    pad, stride = re.search(r"P = (\d+).*\n?.*S = (\d+)", first).groups()
    C, H, W = map(int, numbers)
    FN, FH, FW = map(int, filt)
    P, S = int(pad), int(stride)
    args = [
        "--answer",
        f"oh={(H + 2 * P - FH) // S + 1}",
        "--answer",
        f"ow={(W + 2 * P - FW) // S + 1}",
        "--answer",
        f"oc={FN}",
    ]
    result = cli("--workspace", ws, "grade", "conv_output_size", "--json", *args)
    assert json.loads(result.stdout)["status"] == "pass", result.stdout
    assert cli("--workspace", ws, "show", "conv_output_size").stdout != first
