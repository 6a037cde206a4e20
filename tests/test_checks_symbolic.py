"""Symbolic, choice and numeric checks on the real catalog: equivalent right forms pass, plausible
wrong forms fail with the diagnosis that names the mistake."""
from __future__ import annotations

from pathlib import Path

import pytest

from grader import catalog as catalog_mod
from grader.checks import module_for

CATALOG = catalog_mod.load(Path(__file__).resolve().parent.parent / "problems.yaml")


def judge(pid: str, part: str, text: str, lang: str = "en"):
    problem = CATALOG.get(pid)
    spec = next(c for c in problem.checks if c.params.get("part") == part)
    verdict, status = module_for(spec.kind).judge(problem, spec, text, lang)
    return verdict, status


RIGHT = [
    ("chain_rule_dzdx", "dzdt", ["2t", "2(x+y)", "2x + 2y", "t*2", "2*(y + x)"]),
    ("chain_rule_dzdx", "dtdx", ["1", "x/x", "(x+y)^0"]),
    ("chain_rule_dzdx", "dzdx", ["2(x+y)", "2x+2y", "2*x + 2*y", "(x + y)*2", "２（ｘ＋ｙ）"]),
    ("sigmoid_derivative", "dydx", ["sigmoid(x)(1 - sigmoid(x))", "exp(-x)/(1+exp(-x))^2", "e^x/(1+e^x)^2",
                                    "sigmoid(x) - sigmoid(x)^2", "σ(x)(1−σ(x))"]),
    ("d_tanh_expr", "dydx", ["1 - tanh(x)^2", "1/cosh(x)^2", "sech(x)^2", "4/(e^x+e^-x)^2", "4/(exp(x)+exp(-x))**2",
                             "1 - tanh^2(x)", "cosh(x)^-2"]),
    ("rnn_y1", "s1", ["sigmoid(W_in x1 + W s0 + b)", "sigmoid(b + W s0 + W_in x1)", "σ(W_in @ x1 + W @ s0 + b)",
                      "1/(1+exp(-(W_in x1 + W s0 + b)))", "sigmoid(W_in*x1 + W*s0 + b)"]),
    ("rnn_y1", "y1", ["sigmoid(W_out s1 + c)", "sigmoid(c + W_out s1)", "1/(1 + exp(-(W_out s1 + c)))",
                      "sigmoid(W_out sigmoid(W_in x1 + W s0 + b) + c)"]),
]

WRONG = [
    ("chain_rule_dzdx", "dzdt", "t^2", "that is z itself"),
    ("chain_rule_dzdx", "dzdt", "t", "the factor 2 is missing"),
    ("chain_rule_dzdx", "dzdt", "2x", None),
    ("chain_rule_dzdx", "dtdx", "x", "y is held constant"),
    ("chain_rule_dzdx", "dtdx", "2", "partial derivative"),
    ("chain_rule_dzdx", "dtdx", "0", None),
    ("chain_rule_dzdx", "dzdx", "2x", "the y term is missing"),
    ("chain_rule_dzdx", "dzdx", "(x+y)^2", "that is z itself"),
    ("chain_rule_dzdx", "dzdx", "4(x+y)", "∂t/∂y path"),
    ("chain_rule_dzdx", "dzdx", "2t", "write it in x and y"),
    ("sigmoid_derivative", "dydx", "x(1-x)", "the output y = σ(x), not the input x"),
    ("sigmoid_derivative", "dydx", "1 - sigmoid(x)^2", "tanh's derivative"),
    ("sigmoid_derivative", "dydx", "-sigmoid(x)(1-sigmoid(x))", "sign is flipped"),
    ("sigmoid_derivative", "dydx", "sigmoid(x)", "mixes it up with exp"),
    ("d_tanh_expr", "dydx", "1 - x^2", "the derivative taken at the output"),
    ("d_tanh_expr", "dydx", "1 - tanh(x)", "the square is missing"),
    ("d_tanh_expr", "dydx", "2/(e^x+e^-x)^2", "4, not 2"),
    ("d_tanh_expr", "dydx", "tanh(x)(1 - tanh(x))", "sigmoid's"),
    ("rnn_y1", "s1", "sigmoid(x1 W_in + s0 W + b)", "row-vector (code) form"),
    ("rnn_y1", "s1", "sigmoid(W_in^T x1 + W s0 + b)", "W_in is transposed"),
    ("rnn_y1", "s1", "sigmoid(W_in x1 + W^T s0 + b)", "W is transposed"),
    ("rnn_y1", "s1", "W_in x1 + W s0 + b", "activation sigmoid is missing"),
    ("rnn_y1", "s1", "tanh(W_in x1 + W s0 + b)", None),
    ("rnn_y1", "y1", "W_out s1 + c", "output activation is missing"),
    ("rnn_y1", "y1", "sigmoid(s1 W_out + c)", "row-vector (code) form"),
    ("rnn_y1", "y1", "sigmoid(W_out s1)", "the bias c is missing"),
]


@pytest.mark.parametrize("pid, part, forms", RIGHT, ids=[f"{p}.{k}" for p, k, _ in RIGHT])
def test_equivalent_forms_pass(pid, part, forms):
    for text in forms:
        verdict, status = judge(pid, part, text)
        assert status == "pass", (text, verdict.message)


@pytest.mark.parametrize("pid, part, text, diagnosis", WRONG, ids=[f"{p}.{k}:{t}" for p, k, t, _ in WRONG])
def test_wrong_forms_fail_with_diagnosis(pid, part, text, diagnosis):
    verdict, status = judge(pid, part, text)
    assert status == "fail", verdict.message
    if diagnosis:
        assert diagnosis in (verdict.diagnosis or verdict.message), (verdict.message, verdict.diagnosis)
    ja, _ = judge(pid, part, text, "ja")
    if diagnosis:
        assert ja.diagnosis or ja.message


def test_counterexample_names_a_point():
    verdict, _ = judge("chain_rule_dzdx", "dzdx", "3x")
    assert verdict.message.startswith("not equivalent: at x=")


def test_shape_error_says_which_product():
    verdict, status = judge("rnn_y1", "s1", "sigmoid(x1 W_in + s0 W + b)")
    assert status == "fail"
    assert verdict.message.startswith("the shapes do not fit: cannot multiply D×1 by H×D")


def test_unknown_symbol_is_error_with_allowed_names():
    verdict, status = judge("rnn_y1", "s1", "sigmoid(W_x x1)")
    assert status == "error"
    assert verdict.message.startswith("unknown name 'W_x' at position 9; allowed: x1, s0, W_in, W, b, W_out, c,")


@pytest.mark.parametrize("part, text, status, diagnosis", [
    ("oh", "17", "pass", None), ("oh", "34/2", "pass", None), ("oh", "16", "fail", "the final + 1 is missing."),
    ("oh", "14", "fail", "the padding is missing (H + 2P)."), ("oh", "15.5", "fail", "padding goes on both sides: 2P."),
    ("ow", "16", "pass", None), ("ow", "31", "fail", "you did not divide by the stride S."),
    ("oc", "8", "pass", None), ("oc", "3", "fail", "that is the input channels C; the output channels are the "
                                                  "number of filters FN."),
    ("oh", "seventeen", "error", None),
])
def test_numeric_conv_output_size(part, text, status, diagnosis):
    verdict, got = judge("conv_output_size", part, text)
    assert got == status, verdict.message
    assert verdict.diagnosis == diagnosis


@pytest.mark.parametrize("part, text, status", [
    ("relu", "B", "pass"), ("relu", "ｂ", "pass"), ("relu", "(B)", "pass"), ("relu", "A", "fail"),
    ("sigmoid", "A", "pass"), ("sigmoid", "B", "fail"), ("sigmoid", "E", "error"),
])
def test_choice_weight_init(part, text, status):
    verdict, got = judge("weight_init", part, text)
    assert got == status, verdict.message
    if text == "A" and part == "relu":
        assert verdict.diagnosis.startswith("√(1/n) is Xavier (for sigmoid/tanh)")
    if status == "error":
        assert verdict.message == "'E' is not an option; answer one of A, B, C, D"
