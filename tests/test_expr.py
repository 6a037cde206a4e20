"""The answer reader: what it accepts, what it refuses, and that it never evaluates learner text."""

from __future__ import annotations

import numpy as np
import pytest
from grader import expr
from grader.errors import AnswerError

XY = expr.Names(scalars=("x", "y"))


def value(text, names=XY, **env):
    return expr.evaluate(expr.parse(text, names), env)


@pytest.mark.parametrize(
    "text",
    ["2(x+y)", "2x+2y", "2*x + 2*y", "(x+y)*2", "２（ｘ＋ｙ）", "2·(x+y)", "2×(x + y)", "x2" if False else "2 (x + y)"],
)
def test_forms_of_two_x_plus_y(text):
    assert value(text, x=0.3, y=-1.2) == pytest.approx(2 * (0.3 - 1.2))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("-x^2", -0.25),
        ("x^-1", 2.0),
        ("2^3^2", 512.0),
        ("x**2", 0.25),
        ("tanh^2(x)", np.tanh(0.5) ** 2),
        ("e^x", np.exp(0.5)),
        ("x²", 0.25),
        ("1 − x", 0.5),
        ("σ(x)", 1 / (1 + np.exp(-0.5))),
        ("ln(x)", np.log(0.5)),
        ("sech(x)^2", 1 / np.cosh(0.5) ** 2),
        ("2/3x", 2 / 3 * 0.5),
    ],
)
def test_precedence_and_notation(text, expected):
    assert value(text, x=0.5, y=0.0) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "xy",
            "unknown name 'xy' at position 1 (did you mean x*y?); allowed: x, y, sigmoid(), exp(), log(), ln(), "
            "tanh(), cosh(), sinh(), sech(), sqrt()",
        ),
        ("2(x+", "cannot read this answer: the answer ends too early (position 5)"),
        ("x)", "cannot read this answer: unexpected ')' at position 2"),
        ("__import__('os').system('id')", "cannot read this answer: unexpected character ''' at position 12"),
        ("exp + x", "cannot read this answer: write exp(…) with parentheses"),
        ("", "cannot read this answer: it is empty"),
        ("x.__class__", "cannot read this answer: unexpected character '.' at position 2"),
        (
            "lambda x",
            "unknown name 'lambda' at position 1; allowed: x, y, sigmoid(), exp(), log(), ln(), tanh(), "
            "cosh(), sinh(), sech(), sqrt()",
        ),
    ],
)
def test_refusals_are_one_clear_line(text, message):
    with pytest.raises(AnswerError) as info:
        expr.parse(text, XY)
    assert info.value.en == message


def test_caret_points_at_the_problem():
    with pytest.raises(AnswerError) as info:
        expr.parse("2x + q", XY)
    assert info.value.caret == "    2x + q\n         ^"


@pytest.mark.parametrize("text", ["9^9^9^9", "10**10**10", "2^(10^5)"])
def test_huge_constant_powers_are_refused(text):
    node = expr.parse(text, XY)
    with pytest.raises(AnswerError, match="exponent is too large"):
        expr.check_bounded(node)


def test_deep_nesting_and_length_are_bounded():
    with pytest.raises(AnswerError, match="nested too deeply"):
        expr.parse("(" * 500 + "x" + ")" * 500, XY)
    with pytest.raises(AnswerError, match="longer than 2000"):
        expr.parse("(" * 10000 + "x" + ")" * 10000, XY)
    with pytest.raises(AnswerError, match="longer than 2000"):
        expr.parse("x+" * 2000 + "x", XY)


def test_forbidden_name_has_its_own_message():
    names = expr.Names(scalars=("x", "y"), forbidden={"t": {"en": "write it in x and y", "ja": "x と y で"}})
    with pytest.raises(expr.ForbiddenName) as info:
        expr.parse("2t", names)
    assert info.value.en == "write it in x and y" and info.value.ja == "x と y で"


def test_matrix_products_follow_shapes():
    names = expr.Names(matrices=("A", "v"))
    env = {"A": np.arange(6.0).reshape(2, 3), "v": np.ones((3, 1))}
    assert expr.evaluate(expr.parse("A v", names), env).shape == (2, 1)
    assert expr.evaluate(expr.parse("v^T A^T", names), env).shape == (1, 2)
    with pytest.raises(expr.ShapeError, match=r"cannot multiply 3×1 by 2×3"):
        expr.evaluate(expr.parse("v A", names), env)
    with pytest.raises(expr.ShapeError, match=r"cannot multiply D×1 by H×D"):
        expr.evaluate(expr.parse("v A", names), env, {3: "D", 2: "H", 1: "1"})


def test_sympy_backend_matches_numpy():
    import sympy

    node = expr.parse("4/(e^x + e^-x)^2 - sigmoid(x)", XY)
    x = sympy.Symbol("x", real=True)
    built = expr.to_sympy(node, {"x": x, "y": sympy.Symbol("y")})
    assert float(built.subs(x, 0.7)) == pytest.approx(value("4/(e^x + e^-x)^2 - sigmoid(x)", x=0.7))


def test_ime_middle_dot_is_a_product():
    assert value("2・x", x=1.5) == pytest.approx(3.0)


def test_percentage_answer_is_explained():
    from grader.checks.numeric import value_of

    with pytest.raises(AnswerError) as info:
        value_of("96%")
    assert info.value.en == "write a percentage as a plain number: 96% is 96/100"


# found by tests/hostile/test_parser_fuzz.py: a chain nests no bracket, yet made a tree 1000 deep
@pytest.mark.parametrize("text", ["x+" * 999 + "x", "x*" * 999 + "x", "x" + ".T" * 999, "x/" * 999 + "x"])
def test_long_chains_are_refused_before_the_recursive_backends(text):
    with pytest.raises(AnswerError) as info:
        expr.parse(text, XY)
    assert info.value.en == "cannot read this answer: more than 120 operations chained or nested"


def test_a_chain_within_the_limit_is_read():
    assert value("x+" * 100 + "x", x=1.0) == 101.0


# found by the fuzzer behind e^(-1000)*(…): sympy built 10^99999999999 exactly, or ran for minutes
@pytest.mark.parametrize(
    "text, message",
    [
        ("1/1e99999999999", "cannot read this answer: an exponent is too large"),
        ("1e-999999", "cannot read this answer: an exponent is too large"),
        ("1/((10^1000)^1000)^1000", "cannot read this answer: its numbers grow too large"),
        ("(x^1000)^1000", "cannot read this answer: its numbers grow too large"),
    ],
)
def test_numbers_too_large_to_build_exactly_are_refused(text, message):
    with pytest.raises(AnswerError) as info:
        expr.check_bounded(expr.parse(text, XY))
    assert info.value.en == message


def test_large_but_buildable_numbers_are_read():
    expr.check_bounded(expr.parse("10^1000 + (x + 1)^1000 + 1e300", XY))


@pytest.mark.parametrize(
    "text, message, caret",
    [
        ("x\x00", "cannot read this answer: unexpected character U+0000 at position 2", "    x?\n     ^"),
        ("\udced", "cannot read this answer: unexpected character U+DCED at position 1", "    ?\n    ^"),
        ("x\u202e y", "cannot read this answer: unexpected character U+202E at position 2", "    x? y\n     ^"),
        ("x\ty $", "cannot read this answer: unexpected character '$' at position 5", "    x y $\n        ^"),
    ],
)
def test_invisible_characters_are_named_by_code_point(text, message, caret):
    with pytest.raises(AnswerError) as info:
        expr.parse(text, XY)
    assert (info.value.en, info.value.caret) == (message, caret)


@pytest.mark.parametrize(
    "text",
    [
        "4/(e^x + e^-x)^2 - sigmoid(x)",
        "ln(x)",
        "log(x - x)",
        "sqrt(x)",
        "1/(x - x)",
        "(x - x)/(x - x)",
        "-1/(x - x)",
        "exp(1000 x)",
        "cosh(1000 x) - sinh(1000 x)",
        "sech(1000 x)",
        "sigmoid(-1000 x)",
        "tanh(x)^2 ⊙ y",
        "x^y",
        "(-x)^0.5",
        "0^(-1)",
        "pi e x^T",
    ],
)
@pytest.mark.parametrize("x", [0.7, -1.3])
def test_scalar_evaluation_without_numpy_gives_what_numpy_gives(text, x):
    node = expr.parse(text, XY)
    plain = expr.evaluate(node, {"x": x, "y": 2.5})
    with np.errstate(all="ignore"):
        numpy_value = expr.evaluate(node, {"x": np.float64(x), "y": np.float64(2.5)})
    assert type(plain) is float
    assert plain == pytest.approx(float(numpy_value), rel=1e-12, nan_ok=True)
