"""Reading answers from the answer file and from --answer."""

from __future__ import annotations

from pathlib import Path

from grader import catalog as catalog_mod
from grader.answers import merge, parse_file

REPO = Path(__file__).resolve().parent.parent


def test_superscripts_survive_to_the_reader():
    # bare NFKC turned tanh(x)² into tanh(x)2, read as 2·tanh(x): a right answer graded wrong.
    # The answer is kept as typed (so an error points into it); the reader reads ² as ^2.
    from grader import expr

    names = expr.Names(scalars=("x",), matrices=("W",))
    assert parse_file("```answer\ndydx = 1 − tanh(x)²\n```\n") == {"dydx": "1 − tanh(x)²"}
    problem = catalog_mod.load(REPO / "problems.yaml").get("d_tanh_expr")
    assert merge(problem, {}, ("dydx=1 − tanh(x)²",)) == {"dydx": "1 − tanh(x)²"}
    assert expr.parse("1 − tanh(x)²", names) == expr.parse("1 - tanh(x)^2", names)
    assert merge(problem, {}, ("ｄｙｄｘ＝Wᵀ",)) == {"dydx": "Wᵀ"}
    assert expr.parse("Wᵀ", names) == expr.parse("W^T", names)
