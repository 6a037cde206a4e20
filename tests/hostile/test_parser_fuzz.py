"""Fuzz the answer reader and the symbolic check: whatever a learner types, the reader raises nothing
but its own AnswerError, resolves no name outside the problem's whitelist, and finishes quickly; the
whole symbolic judgement returns a verdict, never an exception.

Examples (derandomized, so CI sees the same ones every run): 800 + 300 + 600 + 500 + 150 = 2,350.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path
from unittest import mock

from grader import catalog as catalog_mod
from grader import expr
from grader.checks import symbolic
from grader.errors import AnswerError
from grader.results import ERROR, FAIL, PASS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
CATALOG = catalog_mod.load(REPO / "problems.yaml")
PARSE_SECONDS = 1.0
JUDGE_SECONDS = 5.0

# d_tanh_expr: one scalar x; chain_rule_dzdx: a defined name t, and t forbidden in dzdx; rnn_y1: matrices
PARTS = [
    ("d_tanh_expr", "dydx"),
    ("chain_rule_dzdx", "dzdt"),
    ("chain_rule_dzdx", "dzdx"),
    ("rnn_y1", "s1"),
    ("rnn_y1", "y1"),
]


def _spec(pid: str, part: str):
    problem = CATALOG.get(pid)
    return problem, next(c for c in problem.checks if c.part == part)


SPECS = [_spec(pid, part) for pid, part in PARTS]
WHITELISTED = sorted({name for problem, spec in SPECS for name in symbolic.names_for(problem, spec).symbols})
OUTSIDERS = [
    "t",
    "z",
    "os",
    "sys",
    "id",
    "open",
    "exec",
    "eval",
    "lambda",
    "import",
    "__import__",
    "globals",
    "locals",
    "__class__",
    "__bases__",
    "__subclasses__",
    "__builtins__",
    "print",
    "True",
    "None",
    "self",
    "xx",
    "x1x",
    "W_inx1",
    "sigmoidx",
    "log10",
    "abs",
    "max",
    "E",
    "Pi",
    "T",
]
NUMBERS = [
    "0",
    "1",
    "2",
    "0.5",
    ".5",
    "1.",
    "9",
    "10",
    "1e3",
    "1e-3",
    "1e999",
    "1e999999",
    "1e-999999",
    "1e99999999999999999999",
    "123456789012345678901234567890",
    "0" * 31 + "1",
    "١",
    "٣.٥",
    "1e5x",
]
FRAGMENTS = [
    "__",
    ".",
    "[",
    "]",
    "'",
    '"',
    "lambda",
    "import",
    "(",
    ")",
    ",",
    ":",
    "=",
    ";",
    "{",
    "}",
    "`",
    "\\",
    "!",
    "#",
    "%",
    "&",
    "|",
    "~",
    "<",
    ">",
    "?",
    "$",
    "@",
    "⊙",
    "^",
    "**",
    "*",
    "/",
    "+",
    "-",
    ".T",
    "^T",
    "ᵀ",
    "²",
    "³",
    "σ",
    "√",
    "π",
    "λ",
    "−",
    "×",
    "·",
    "÷",
    "∘",
    "・",
    "（",
    "）",
    "ｘ",
    "\x00",
    "\ud800",
    "\udcff",
    "\u200b",
    "\u202e",
    "е",
    "х",
    " ",
    "\t",
    "\n",
    "e",
    "pi",
    "ln",
    *expr.FUNCTIONS,
    *WHITELISTED,
    *OUTSIDERS,
    *NUMBERS,
]

python_ish = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.characters()), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=60), python_ish)


def _repeat(head: str, unit: str, times: int | None, tail: str) -> str:
    """head + unit * times + tail; times None fills up to the length limit, where chains are longest."""
    if times is None:
        times = (expr.MAX_LENGTH - len(head) - len(tail)) // len(unit)
    return head + unit * times + tail


# long inputs: one fragment many times over, which a short random text never reaches
repeated = st.builds(
    _repeat,
    st.sampled_from(["", "2*", "("]),
    st.sampled_from(
        [
            "x+",
            "-",
            "(",
            "x*",
            "2",
            "x^",
            "2^",
            "sigmoid(",
            "exp(",
            "((x)",
            "x/",
            "x.T",
            "x⊙",
            "+-",
            "x ",
            "1e9^",
            "(9)^",
            "-(",
            "x)",
            "x-",
            "x ⊙ ",
            "2 ",
        ]
    ),
    st.one_of(st.none(), st.integers(min_value=0, max_value=1200)),
    st.sampled_from(["", "x", "x" + ")" * 600]),
)


def _grammar(names: list[str], outsiders: list[str]):
    """Expressions shaped like the grammar: names (allowed or not), numbers, operators, calls, powers."""
    leaf = st.one_of(
        st.sampled_from(names),
        st.sampled_from(NUMBERS),
        st.sampled_from(["e", "pi"]),
        *([st.sampled_from(outsiders)] if outsiders else []),
    )

    def grow(inner):
        binary = st.tuples(inner, st.sampled_from(["+", "-", "*", "/", "^", "**", "⊙", "@", " ", ""]), inner)
        return st.one_of(
            binary.map(lambda t: f"{t[0]}{t[1]}{t[2]}"),
            inner.map(lambda s: f"({s})"),
            inner.map(lambda s: f"-{s}"),
            inner.map(lambda s: f"{s}^T"),
            inner.map(lambda s: f"{s}.T"),
            st.tuples(st.sampled_from([*expr.FUNCTIONS, "exec", "open", "abs"]), inner).map(
                lambda t: f"{t[0]}({t[1]})"
            ),
            st.tuples(st.sampled_from(expr.FUNCTIONS), inner).map(lambda t: f"{t[0]}^2({t[1]})"),
            st.tuples(inner, st.sampled_from(["1000", "1001", "10^10", "9^9^9", "0.5", "-1", "x"])).map(
                lambda t: f"({t[0]})^{t[1]}"
            ),
        )

    return st.recursive(leaf, grow, max_leaves=25)


grammar = _grammar(WHITELISTED, OUTSIDERS)
spec_index = st.integers(min_value=0, max_value=len(SPECS) - 1)


def _names_in(node):
    """Every (kind, name) the AST resolves, walked without recursion."""
    found = []
    stack = [node]
    while stack:
        item = stack.pop()
        if item[0] == "sym":
            found.append(("symbol", item[1]))
        elif item[0] == "call":
            found.append(("function", item[1]))
        elif item[0] == "const":
            found.append(("constant", item[1]))
        stack.extend(child for child in item[1:] if isinstance(child, tuple))
    return found


def _assert_only_whitelisted(node, names: expr.Names):
    allowed_functions = set(names.functions) | ({"log"} if "ln" in names.functions else set())
    for kind, name in _names_in(node):
        if kind == "symbol":
            assert name in names.symbols, name
        elif kind == "function":
            assert name in allowed_functions, name
        else:
            assert name in expr.CONSTANTS, name


@contextlib.contextmanager
def _drills_recursion_limit():
    """Hypothesis raises the recursion limit while a test runs; drill runs with Python's default, so a
    tree too deep for the recursive backends must fail here as it would for a learner."""
    saved = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)
    try:
        yield
    finally:
        sys.setrecursionlimit(saved)


def _check_parse(text: str, index: int):
    """Read `text` as symbolic grading does, and hand a scalar answer to sympy: only AnswerError may come out."""
    import sympy

    problem, spec = SPECS[index]
    names = symbolic.names_for(problem, spec)
    started = time.monotonic()
    try:
        with _drills_recursion_limit():
            node = expr.parse(text, names)
            expr.check_bounded(node)
            if not names.matrices:
                expr.to_sympy(node, {name: sympy.Symbol(name, real=True) for name in names.symbols})
    except AnswerError as exc:
        assert exc.en and exc.ja and "\n" not in exc.en
        node = None
    assert time.monotonic() - started < PARSE_SECONDS, text
    if node is not None:
        _assert_only_whitelisted(node, names)


def _check_judge(text: str, index: int):
    problem, spec = SPECS[index]
    started = time.monotonic()
    with _drills_recursion_limit():
        verdict = symbolic.judge(problem, spec, text, "en")
        status = verdict.status
    assert time.monotonic() - started < JUDGE_SECONDS, text
    assert status in (PASS, FAIL, ERROR)
    assert verdict.message and "Traceback" not in verdict.message


FUZZ = settings(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])


@settings(FUZZ, max_examples=800)
@given(text=any_text, index=spec_index)
def test_random_text_is_read_or_refused(text, index):
    _check_parse(text, index)


@settings(FUZZ, max_examples=300)
@given(text=repeated, index=st.sampled_from([0, 1, 2]))  # the problems that know x
def test_long_repetitive_text_is_read_or_refused(text, index):
    _check_parse(text, index)


@settings(FUZZ, max_examples=600)
@given(text=grammar, index=spec_index)
def test_grammar_shaped_text_resolves_only_whitelisted_names(text, index):
    _check_parse(text, index)


@settings(FUZZ, max_examples=500)
@given(text=st.one_of(grammar, any_text, repeated), index=spec_index)
def test_symbolic_judgement_always_gives_a_verdict(text, index):
    _check_judge(text, index)


@settings(FUZZ, max_examples=150)
@given(text=_grammar(["x"], []))
def test_answers_that_agree_numerically_reach_sympy_and_stay_bounded(text):
    # e^(-1000) is 0.0 in floating point, so the answer agrees at every random point and the sympy
    # proof has to digest the learner's arbitrary term; its deadline is shortened to keep the run short
    with mock.patch.object(symbolic, "SYMPY_SECONDS", 0.3):
        _check_judge(f"1 - tanh(x)^2 + e^(-1000)*({text})", 0)
