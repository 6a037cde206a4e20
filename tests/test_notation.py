"""What learners type (a Japanese IME, superscripts, Greek letters, LaTeX from a notebook's
Markdown) is read as the formula they meant, and an error points into what they typed."""

from __future__ import annotations

import pytest
from grader import expr
from grader.errors import AnswerError

X = expr.Names(scalars=("x", "y", "k", "n", "w", "lam", "mu", "x1", "x2"), matrices=("A", "X", "W", "W_in"))

# typed -> the plain form it must read as (the same tree)
FORMS = [
    # the IME: the - key in hiragana mode, other dashes, products, brackets, full width, a full stop
    ("1ーtanh(x)^2", "1-tanh(x)^2"),
    ("1‐tanh(x)^2", "1-tanh(x)^2"),
    ("1 − tanh(x)²", "1-tanh(x)^2"),
    ("2∗x", "2*x"),
    ("2×x", "2*x"),
    ("2・x", "2*x"),
    ("x÷2", "x/2"),
    ("２ｘ＋ｙ", "2x+y"),
    ("[x+1]*2", "(x+1)*2"),
    ("［x＋1］・2", "(x+1)*2"),
    ("1/cosh(x)^2。", "1/cosh(x)^2"),
    ("x+y.", "x+y"),
    ("σ(x)(1−σ(x))", "sigmoid(x)*(1-sigmoid(x))"),
    # superscripts are exponents, never plain digits
    ("10⁸", "10^8"),
    ("x¹⁰", "x^10"),
    ("A⁻¹", "A^(-1)"),
    ("cosh(x)⁻²", "cosh(x)^(-2)"),
    ("1.28×10¹", "1.28*10^1"),
    ("(-21)⁻¹", "(-21)^(-1)"),
    ("k n⁻¹", "k*n^(-1)"),
    ("Xᵀ", "X^T"),
    ("tanh²x", "tanh(x)^2"),
    # a Greek letter against a name is a product
    ("λw", "lam*w"),
    ("xσ(x)", "x*sigmoid(x)"),
    ("2μx", "2*mu*x"),
    ("√x", "sqrt(x)"),
    # LaTeX as in the course notes
    ("\\frac{1}{\\cosh^2 x}", "1/cosh(x)^2"),
    ("\\frac{x+1}{2y}", "(x+1)/(2*y)"),
    ("e^{-x}", "e^(-x)"),
    ("\\exp(-x)", "exp(-x)"),
    ("\\sigma(x)\\left(1-\\sigma(x)\\right)", "sigmoid(x)*(1-sigmoid(x))"),
    ("\\tanh x", "tanh(x)"),
    ("1 - \\tanh^2 x", "1-tanh(x)^2"),
    ("x_1 + x_{2}", "x1+x2"),
    ("W_{in}^{T}", "W_in^T"),
    ("W_{(in)}", "W_in"),
    ("X^{\\top}", "X^T"),
    ("2 \\cdot x", "2*x"),
    ("2 \\times x", "2*x"),
    ("\\sqrt{x^2+1}", "sqrt(x^2+1)"),
    ("\\lambda w", "lam*w"),
    ("\\mu\\,x", "mu*x"),
    ("\\mathrm{W}x", "W*x"),
    ("\\ln(x)", "log(x)"),
]


@pytest.mark.parametrize("typed, plain", FORMS, ids=[typed for typed, _ in FORMS])
def test_what_is_typed_reads_as_what_was_meant(typed, plain):
    assert expr.parse(typed, X) == expr.parse(plain, X)


@pytest.mark.parametrize(
    "typed, value",
    [("1.28×10¹", 12.8), ("(-21)⁻¹", -1 / 21), ("10⁸", 1e8), ("２・１０⁻²", 0.02), ("\\frac{3}{4}", 0.75)],
)
def test_superscripts_give_the_value_written_not_a_plain_digit(typed, value):
    from grader.checks.numeric import value_of

    assert value_of(typed) == pytest.approx(value)


@pytest.mark.parametrize(
    "typed, message, caret",
    [
        # the position and the caret are in what was typed, by display columns
        ("σ(x) + q", "unknown name 'q' at position 8", "    σ(x) + q\n           ^"),
        ("１ーｔａｎｈ(x) $", "unexpected character '$' at position 11", "    １ーｔａｎｈ(x) $\n" + " " * 20 + "^"),
        (
            "\\frac{1}{x} + \\foo",
            "unknown LaTeX command \\foo at position 15",
            "    \\frac{1}{x} + \\foo\n                  ^",
        ),
        ("x⁻¹ +", "the answer ends too early (position 6)", "    x⁻¹ +\n         ^"),
    ],
)
def test_an_error_points_into_the_typed_text(typed, message, caret):
    with pytest.raises(AnswerError) as info:
        expr.parse(typed, X)
    assert message in info.value.en
    assert info.value.caret == caret


def test_the_japanese_message_names_the_typed_position():
    with pytest.raises(AnswerError) as info:
        expr.parse("λw + q", X)
    assert info.value.ja.startswith("'q'（6 文字目）は使えない名前です")


def test_nothing_typed_is_evaluated():
    for typed in ("\\input{/etc/passwd}", "__import__('os')", "\\def\\x{1}"):
        with pytest.raises(AnswerError):
            expr.parse(typed, X)
