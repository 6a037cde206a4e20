"""A small, safe reader for math answers: tokenizer, parser to a tuple AST, numpy and sympy backends.

Nothing here evaluates learner text as Python. Names resolve only against a whitelist; powers of
constants are bounded before sympy sees them; length and nesting are capped.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from grader import notation
from grader.errors import AnswerError
from grader.texts import Text

MAX_LENGTH = 2000
MAX_DEPTH = 120
MAX_CONST_EXPONENT = 1000.0
MAX_DIGITS = 20000  # of the exact numbers sympy would build: 10^1000 is fine, (10^1000)^1000 is not
FUNCTIONS = ("sigmoid", "exp", "log", "ln", "tanh", "cosh", "sinh", "sech", "sqrt")
CONSTANTS = ("e", "pi")
TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+(?![A-Za-z_]))?)
  | (?P<dotT>\.T(?![A-Za-z0-9_]))
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>\*\*|[-+*/^()@⊙,])
""",
    re.VERBOSE,
)


def normalise(text: str) -> str:
    """What a Japanese IME, a textbook or LaTeX types (full width, ×, ー, ⁻¹, σ, \\frac{…}{…}) as the
    plain ASCII math the parser reads (grader/notation.py)."""
    return notation.rewrite(text)[0].strip()


@dataclass(frozen=True)
class Names:
    """What an answer may mention: scalar symbols, matrix symbols, earlier parts and functions."""

    scalars: tuple[str, ...] = ()
    matrices: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    functions: tuple[str, ...] = FUNCTIONS
    forbidden: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def symbols(self) -> tuple[str, ...]:
        return self.scalars + self.matrices + self.parts

    def allowed(self) -> str:
        return ", ".join(self.symbols + tuple(f"{f}()" for f in self.functions))


def _char(ch: str) -> str:
    """A character as an error message shows it: itself, or U+XXXX when it is invisible or unprintable."""
    return f"'{ch}'" if ch.isprintable() else f"U+{ord(ch):04X}"


def tokenize(text: str, where: Where | None = None) -> list[tuple[str | None, str, int]]:
    """(kind, value, position) triples; an unreadable character is an AnswerError with a caret."""
    where = where or Where.plain(text)
    tokens = []
    pos = 0
    while pos < len(text):
        match = TOKEN.match(text, pos)
        if not match:
            typed_pos = where.typed_pos(pos)
            shown = _char(where.typed[typed_pos]) if typed_pos < len(where.typed) else _char(text[pos])
            raise AnswerError(
                f"cannot read this answer: unexpected character {shown} at position {typed_pos + 1}",
                f"解答を読めません: {typed_pos + 1} 文字目の {shown} は使えません",
                where.caret(pos),
            )
        kind = match.lastgroup
        if kind != "ws":
            tokens.append((kind, match.group(), pos))
        pos = match.end()
    tokens.append(("end", "", len(text)))
    return tokens


class Where:
    """Positions in the rewritten text mapped back to what the learner typed, for messages."""

    def __init__(self, typed: str, origin: list[int]):
        self.typed, self.origin = typed, origin

    @classmethod
    def plain(cls, text: str) -> Where:
        """For text that was typed as it is read."""
        return cls(text, list(range(len(text))))

    def typed_pos(self, pos: int) -> int:
        return self.origin[pos] if pos < len(self.origin) else len(self.typed.rstrip())

    def at(self, pos: int) -> int:
        """The 1-based position in the typed text."""
        return self.typed_pos(pos) + 1

    def caret(self, pos: int) -> str:
        return notation.caret(self.typed, self.typed_pos(pos))


class _Parser:
    def __init__(self, text: str, names: Names, where: Where | None = None):
        self.text = text
        self.names = names
        self.where = where or Where.plain(text)
        self.tokens = tokenize(text, self.where)
        self.i = 0
        self.depth = 0

    def peek(self, k: int = 0):
        return self.tokens[min(self.i + k, len(self.tokens) - 1)]

    def take(self):
        token = self.tokens[self.i]
        self.i += 1
        return token

    def error(self, token, en: str, ja: str):
        raise AnswerError(f"cannot read this answer: {en}", f"解答を読めません: {ja}", self.where.caret(token[2]))

    def expect(self, value: str):
        token = self.peek()
        if token[1] != value:
            what = f"'{token[1]}'" if token[0] != "end" else "the end"
            at = self.where.at(token[2])
            en = f"expected '{value}' at position {at}, found {what}"
            self.error(token, en, f"{at} 文字目に '{value}' が必要です")
        return self.take()

    def enter(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise AnswerError(
                "cannot read this answer: nested too deeply", "解答を読めません: 括弧などの入れ子が深すぎます"
            )

    def parse(self):
        if self.peek()[0] == "end":
            raise AnswerError("cannot read this answer: it is empty", "解答を読めません: 空です")
        node = self.expr()
        token = self.peek()
        if token[0] != "end":
            at = self.where.at(token[2])
            self.error(token, f"unexpected '{token[1]}' at position {at}", f"{at} 文字目の '{token[1]}' が余分です")
        return node

    def expr(self):
        self.enter()
        node = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            node = ("add" if op == "+" else "sub", node, self.term())
        self.depth -= 1
        return node

    def starts_primary(self, token) -> bool:
        return token[0] in ("name", "num") or token[1] == "("

    def term(self):
        node = self.unary()
        while True:
            token = self.peek()
            if token[1] in ("*", "/", "@", "⊙"):
                self.take()
                right = self.unary()
                node = {
                    "*": ("mul", node, right),
                    "@": ("mul", node, right),
                    "/": ("div", node, right),
                    "⊙": ("had", node, right),
                }[token[1]]
            elif self.starts_primary(token) and not (token[0] == "num" and self.tokens[self.i - 1][0] == "num"):
                node = ("mul", node, self.power())
            else:
                return node

    def unary(self):
        token = self.peek()
        if token[1] in ("-", "+"):
            self.take()
            self.enter()
            operand = self.unary()
            self.depth -= 1
            return ("neg", operand) if token[1] == "-" else operand
        return self.power()

    def power(self):
        base = self.postfix()
        token = self.peek()
        if token[1] in ("^", "**"):
            self.take()
            nxt = self.peek()
            if nxt == ("name", "T", nxt[2]) and "T" not in self.names.symbols:
                self.take()
                return self.more_postfix(("T", base))
            self.enter()
            exponent = self.unary()
            self.depth -= 1
            return ("pow", base, exponent)
        return base

    def postfix(self):
        return self.more_postfix(self.primary())

    def more_postfix(self, node):
        while self.peek()[0] == "dotT":
            self.take()
            node = ("T", node)
        return node

    def primary(self):
        token = self.take()
        kind, value, pos = token
        if kind == "num":
            if len(value) > 30:
                self.error(token, "number too long", "数値が長すぎます")
            return ("num", value)
        if value == "(":
            node = self.expr()
            self.expect(")")
            return node
        if kind == "name":
            return self.name(token)
        at = self.where.at(pos)
        if kind == "end":
            self.error(token, f"the answer ends too early (position {at})", f"{at} 文字目で式が途切れています")
        self.error(token, f"unexpected '{value}' at position {at}", f"{at} 文字目の '{value}' は使えません")

    def name(self, token):
        _, value, pos = token
        names = self.names
        if value in names.symbols:
            return ("sym", value)
        if value in names.forbidden:
            raise _Forbidden(value)
        fname = "log" if value == "ln" else value
        if value in FUNCTIONS and value in names.functions:
            power = None
            if self.peek()[1] in ("^", "**") and self.peek(1)[0] == "num" and self.starts_primary(self.peek(2)):
                self.take()  # cosh^2(x), and as LaTeX writes it, \cosh^2 x
                power = ("num", self.take()[1])
            if self.peek()[1] == "(":
                self.take()
                self.enter()
                arg = self.expr()
                self.depth -= 1
                self.expect(")")
            elif self.peek()[0] in ("name", "num"):  # tanh x, \cosh^2 x: the argument is what follows
                self.enter()
                arg = self.power()
                self.depth -= 1
            else:
                self.error(
                    self.peek(), f"write {value}(…) with parentheses", f"{value}(…) のように括弧を付けてください"
                )
            node = ("call", fname, arg)
            return ("pow", node, power) if power else node
        if value in CONSTANTS:
            return ("const", value)
        same = [s for s in names.symbols if s.replace("_", "") == value.replace("_", "")]
        if len(same) == 1:  # x_1 or x_{1} for x1, Win or W_{in} for W_in
            return ("sym", same[0])
        hint = split_hint(value, names)
        at = self.where.at(pos)
        raise AnswerError(
            f"unknown name '{value}' at position {at}{hint}; allowed: {names.allowed()}",
            f"'{value}'（{at} 文字目）は使えない名前です{hint}。使える名前: {names.allowed()}",
            self.where.caret(pos),
        )


class _Forbidden(Exception):
    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


class ForbiddenName(AnswerError):
    """The answer uses a name the problem rejects on purpose (e.g. t where x and y are asked for)."""

    def __init__(self, name: str, en: str, ja: str):
        super().__init__(en, ja)
        self.name = name


def split_hint(word: str, names: Names) -> str:
    """' (did you mean x*y?)' when an unknown word is known names run together."""
    known = sorted(set(names.symbols) | set(CONSTANTS), key=len, reverse=True)
    pieces = []
    rest = word
    while rest:
        for name in known:
            if rest.startswith(name):
                pieces.append(name)
                rest = rest[len(name) :]
                break
        else:
            return ""
    return f" (did you mean {'*'.join(pieces)}?)" if len(pieces) > 1 else ""


def parse(text: str, names: Names) -> Any:
    """Parse an answer into a tuple AST; AnswerError (or ForbiddenName) when it cannot be read."""
    if len(text) > MAX_LENGTH:  # what is typed; a rewrite is at most a few times longer
        raise AnswerError(
            f"cannot read this answer: longer than {MAX_LENGTH} characters",
            f"解答を読めません: {MAX_LENGTH} 文字を超えています",
        )
    typed = text.strip()
    plain, origin = notation.rewrite(typed)
    try:
        node = _Parser(plain, names, Where(typed, origin)).parse()
    except _Forbidden as exc:
        spec = names.forbidden.get(exc.name) or {}
        raise ForbiddenName(
            exc.name,
            spec.get("en", f"do not use '{exc.name}' here"),
            spec.get("ja", f"ここでは '{exc.name}' を使わないでください"),
        ) from None
    except RecursionError:
        raise AnswerError(
            "cannot read this answer: nested too deeply", "解答を読めません: 入れ子が深すぎます"
        ) from None
    # x+x+…+x nests no bracket but makes a tree 1000 deep, too deep for the recursive backends
    if depth(node) > MAX_DEPTH:
        raise AnswerError(
            f"cannot read this answer: more than {MAX_DEPTH} operations chained or nested",
            f"解答を読めません: 演算のつながりや入れ子が {MAX_DEPTH} 段を超えています",
        )
    return node


def depth(node: Any) -> int:
    """How many levels the AST has, counted without recursion."""
    deepest = 0
    stack = [(node, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in item[1:] if isinstance(child, tuple))
    return deepest


def uses(node: Any, name: str) -> bool:
    """True when the AST mentions symbol `name`."""
    if node[0] == "sym":
        return node[1] == name
    return any(isinstance(child, tuple) and uses(child, name) for child in node[1:])


class ShapeError(Exception):
    """Matrix shapes that do not fit (a transposed or reordered product); `text` says how, in both
    languages."""

    def __init__(self, text: Text):
        super().__init__(text.get("en"))
        self.text = text


_VERBS = {
    "add": Text("足せません", "add"),
    "sub": Text("引けません", "subtract"),
    "div": Text("割れません", "divide"),
    "had": Text("要素ごとに掛けられません", "multiply elementwise"),
}


def _shape_text(value, dim_names: dict) -> str:
    shape = getattr(value, "shape", ())
    if len(shape) == 0:
        return "scalar"
    return "×".join(dim_names.get(d, str(d)) for d in shape)


def evaluate(node: Any, env: dict, dim_names: dict | None = None) -> Any:
    """Evaluate the AST: scalars are floats, matrices 2-D numpy arrays; products of two matrices
    are matrix products, functions act elementwise. With scalars only, plain floats and `math`
    (no numpy import, which would double the time of grading a wrong scalar answer), giving what
    numpy would: inf on overflow, nan outside a function's domain."""
    if all(type(value) is float for value in env.values()):
        return _evaluate_scalar(node, env)
    import numpy as np

    dims = dim_names or {}
    tag = node[0]
    if tag == "num":
        return float(node[1])
    if tag == "const":
        return float(np.e) if node[1] == "e" else float(np.pi)
    if tag == "sym":
        return env[node[1]]
    if tag == "neg":
        return -evaluate(node[1], env, dims)
    if tag == "T":
        value = evaluate(node[1], env, dims)
        return value.T if np.ndim(value) == 2 else value
    if tag == "call":
        arg = evaluate(node[2], env, dims)
        name = node[1]
        with np.errstate(all="ignore"):
            if name == "sigmoid":
                return 1.0 / (1.0 + np.exp(-arg))
            if name == "sech":
                return 1.0 / np.cosh(arg)
            return getattr(np, name)(arg)
    left = evaluate(node[1], env, dims)
    right = evaluate(node[2], env, dims)
    lnd, rnd = np.ndim(left), np.ndim(right)
    with np.errstate(all="ignore"):
        if tag == "mul":
            if lnd == 0 or rnd == 0:
                return left * right
            if np.shape(left)[1] != np.shape(right)[0]:
                raise ShapeError(
                    Text("{a} に {b} を掛けられません", "cannot multiply {a} by {b}").fill(
                        a=_shape_text(left, dims), b=_shape_text(right, dims)
                    )
                )
            return left @ right
        if tag == "pow":
            if rnd != 0:
                raise ShapeError(Text("指数はスカラーにしてください", "an exponent must be a scalar"))
            return np.power(left, right) if lnd else _scalar_pow(left, right)
        if lnd and rnd and np.shape(left) != np.shape(right):
            raise ShapeError(
                Text("{a} と {b} は{verb}", "cannot {verb} {a} and {b}").fill(
                    verb=_VERBS[tag], a=_shape_text(left, dims), b=_shape_text(right, dims)
                )
            )
        if tag == "add":
            return left + right
        if tag == "sub":
            return left - right
        if tag == "div":
            return left / right
        if tag == "had":
            return left * right
    raise ValueError(tag)


def _evaluate_scalar(node, env: dict) -> float:
    tag = node[0]
    if tag == "num":
        return float(node[1])
    if tag == "const":
        return math.e if node[1] == "e" else math.pi
    if tag == "sym":
        return env[node[1]]
    if tag == "neg":
        return -_evaluate_scalar(node[1], env)
    if tag == "T":
        return _evaluate_scalar(node[1], env)
    if tag == "call":
        return _SCALAR_FUNCTIONS[node[1]](_evaluate_scalar(node[2], env))
    left = _evaluate_scalar(node[1], env)
    right = _evaluate_scalar(node[2], env)
    if tag in ("mul", "had"):
        return left * right
    if tag == "pow":
        return _scalar_pow(left, right)
    if tag == "add":
        return left + right
    if tag == "sub":
        return left - right
    if tag == "div":
        if right == 0.0:  # as numpy: ±inf, or nan for 0/0
            return (
                math.nan
                if left == 0.0 or math.isnan(left)
                else math.copysign(math.inf, left) * math.copysign(1.0, right)
            )
        return left / right
    raise ValueError(tag)


def _exp(x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def _cosh(x: float) -> float:
    try:
        return math.cosh(x)
    except OverflowError:
        return math.inf


def _sinh(x: float) -> float:
    try:
        return math.sinh(x)
    except OverflowError:
        return math.copysign(math.inf, x)


def _log(x: float) -> float:
    if x > 0.0:
        return math.log(x)
    return -math.inf if x == 0.0 else math.nan


_SCALAR_FUNCTIONS = {
    "sigmoid": lambda x: 1.0 / (1.0 + _exp(-x)),
    "exp": _exp,
    "log": _log,
    "tanh": math.tanh,
    "cosh": _cosh,
    "sinh": _sinh,
    "sech": lambda x: 1.0 / _cosh(x),
    "sqrt": lambda x: math.sqrt(x) if x >= 0.0 else math.nan,
}


def _scalar_pow(base: float, exponent: float) -> float:
    try:
        result = base**exponent
    except OverflowError:
        return float("inf")
    except ZeroDivisionError:
        return float("inf")
    return math.nan if isinstance(result, complex) else result  # as numpy: no real power here


def constant_value(node: Any) -> float | None:
    """The value of a subtree without symbols, or None when it has symbols."""
    if node[0] in ("sym",):
        return None
    if node[0] in ("num", "const"):
        return evaluate(node, {})
    if node[0] == "call":
        inner = constant_value(node[2])
        return None if inner is None else evaluate(node, {})
    children = [c for c in node[1:] if isinstance(c, tuple)]
    values = [constant_value(c) for c in children]
    if any(v is None for v in values):
        return None
    try:
        return evaluate(node, {})
    except (ShapeError, ValueError, OverflowError):
        return float("inf")


def check_bounded(node: Any) -> None:
    """Refuse powers whose constant exponent is huge (9^9^9^9, 10**10**10, 1e99999) and answers whose
    exact numbers would grow past MAX_DIGITS ((10^1000)^1000), before sympy sees them."""
    _check_exponents(node)
    if not digits_bound(node) <= MAX_DIGITS:
        raise AnswerError(
            "cannot read this answer: its numbers grow too large", "解答を読めません: 数値が大きくなりすぎます"
        )


def _check_exponents(node) -> None:
    exponent = None
    if node[0] == "pow":
        exponent = constant_value(node[2])
    elif node[0] == "num":
        exponent = _literal_exponent(node[1])
    if exponent is not None and not abs(exponent) <= MAX_CONST_EXPONENT:
        raise AnswerError("cannot read this answer: an exponent is too large", "解答を読めません: 指数が大きすぎます")
    for child in node[1:]:
        if isinstance(child, tuple):
            _check_exponents(child)


def _literal_exponent(text: str) -> int:
    _, _, exponent = text.lower().partition("e")
    return int(exponent) if exponent else 0


def digits_bound(node: Any) -> float:
    """A generous bound on the decimal digits of the exact numbers sympy builds from the AST: products
    add digits, a constant power k multiplies them by k (it also bounds what expanding (x + c)^k makes)."""
    tag = node[0]
    if tag == "num":
        mantissa = node[1].lower().partition("e")[0]
        return len(mantissa) + abs(_literal_exponent(node[1]))
    if tag in ("sym", "const"):
        return 1
    if tag in ("neg", "T"):
        return digits_bound(node[1])
    if tag == "call":
        return digits_bound(node[2])
    left, right = digits_bound(node[1]), digits_bound(node[2])
    if tag == "pow":
        exponent = constant_value(node[2])
        return left * max(1.0, abs(exponent)) if exponent is not None else left + right
    if tag in ("add", "sub"):
        return max(left, right) + 1
    return left + right


def to_sympy(node: Any, symbols: dict) -> Any:
    """Build a sympy expression from a scalar AST (call check_bounded first)."""
    import sympy

    tag = node[0]
    if tag == "num":
        return sympy.Rational(node[1]) if len(node[1]) <= 30 else sympy.Float(node[1])
    if tag == "const":
        return sympy.E if node[1] == "e" else sympy.pi
    if tag == "sym":
        return symbols[node[1]]
    if tag == "neg":
        return -to_sympy(node[1], symbols)
    if tag == "T":
        return to_sympy(node[1], symbols)
    if tag == "call":
        arg = to_sympy(node[2], symbols)
        if node[1] == "sigmoid":
            return 1 / (1 + sympy.exp(-arg))
        return {
            "exp": sympy.exp,
            "log": sympy.log,
            "tanh": sympy.tanh,
            "cosh": sympy.cosh,
            "sinh": sympy.sinh,
            "sech": sympy.sech,
            "sqrt": sympy.sqrt,
        }[node[1]](arg)
    left, right = to_sympy(node[1], symbols), to_sympy(node[2], symbols)
    if tag in ("mul", "had"):
        return left * right
    if tag == "div":
        return left / right
    if tag == "add":
        return left + right
    if tag == "sub":
        return left - right
    if tag == "pow":
        return left**right
    raise ValueError(tag)
