"""What learners type for a formula, rewritten into the plain ASCII math that grader/expr.py reads,
with, for every character of the rewrite, the position of the typed character it came from (so an
error points into what the learner typed, not into the rewrite).

Read here, and nothing evaluated:
- a Japanese IME's characters: full-width digits, letters and signs (NFKC), ー ‐ − – as minus,
  × ・ · ∗ as products, ÷, ［］ and 【】-free brackets, a trailing 。 or .;
- superscripts as exponents: 10⁸ is 10^8, A⁻¹ is A^(-1), cosh(x)⁻² is cosh(x)^(-2), Xᵀ is X^T;
- Greek letters as names, a product with what touches them: λw is lam w, xσ(x) is x sigmoid(x);
- LaTeX as learners write it in a notebook's Markdown: \\frac{a}{b}, \\sqrt{…}, \\sigma, \\tanh, \\cosh,
  \\exp, \\log, \\ln, \\cdot, \\times, \\left( \\right), e^{…}, ^{T}, x_{1}, W_{(in)}, \\mathrm{…}, \\, spacing.
"""

from __future__ import annotations

import unicodedata

from grader.errors import AnswerError
from grader.terminal import SUPERSCRIPTS, display_width

TRANSPOSE = "ᵀ"
CHARACTERS = {  # before NFKC (which would turn some of them into something else)
    "ー": "-",  # what the - key types in hiragana mode
    "－": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "–": "-",
    "—": "-",
    "×": "*",
    "・": "*",
    "･": "*",
    "·": "*",
    "⋅": "*",
    "∗": "*",
    "÷": "/",
    "∘": "⊙",
    "[": "(",
    "]": ")",
    "［": "(",
    "］": ")",
}
NAMED = {  # characters that are names: a Greek letter is the name the catalog uses for it
    "σ": "sigmoid",
    "√": "sqrt",
    "π": "pi",
    "λ": "lam",
    "µ": "mu",  # the micro sign an IME may give for μ
    "μ": "mu",
}
FUNCTION_COMMANDS = {
    "sigma": "sigmoid",
    "exp": "exp",
    "log": "log",
    "ln": "ln",
    "tanh": "tanh",
    "cosh": "cosh",
    "sinh": "sinh",
    "sech": "sech",
    "sqrt": "sqrt",
    "pi": "pi",
    "lambda": "lam",
    "mu": "mu",
}
OPERATOR_COMMANDS = {"cdot": "*", "times": "*", "ast": "*", "div": "/", "odot": "⊙", "circ": "⊙"}
DROPPED_COMMANDS = ("left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "displaystyle")
CONTENT_COMMANDS = ("mathrm", "mathbf", "mathit", "boldsymbol", "bm", "operatorname", "text", "mathsf")
SPACING = (",", ";", ":", "!", " ", "quad", "qquad")
TRAILING = "。．."


class Rewrite:
    """The rewritten text being built, and where each of its characters came from."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origin: list[int] = []

    def add(self, text: str, at: int) -> None:
        self.chars.extend(text)
        self.origin.extend([at] * len(text))

    def name(self, name: str, at: int) -> None:
        """A name spelt out for a symbol or command: set apart from letters and digits it touches."""
        if self.chars and (self.chars[-1].isalnum() or self.chars[-1] == "_"):
            self.add(" ", at)
        self.add(name + " ", at)

    def last(self) -> str:
        return self.chars[-1] if self.chars else ""


def rewrite(typed: str) -> tuple[str, list[int]]:
    """(the plain ASCII math of `typed`, the position in `typed` of each of its characters)."""
    text = typed.rstrip()
    while text and text[-1] in TRAILING:  # a sentence's full stop after the formula
        text = text[:-1].rstrip()
    out = Rewrite()
    fractions: list[str] = []  # for each open brace: "group", "numerator" or "denominator"
    pending_denominator = False
    pos = 0
    while pos < len(text):
        char = text[pos]
        if char == "\\":
            pos = _command(text, pos, out, fractions)
            continue
        if char in SUPERSCRIPTS or char == TRANSPOSE:
            pos = _superscripts(text, pos, out)
            continue
        if char == "^" and text[pos + 1 : pos + 2] == "{":
            pos = _braced_power(text, pos, out)
            continue
        if char == "_" and out.last().isalnum():
            pos = _subscript(text, pos, out)
            continue
        if char in ("{", "｛"):
            kind = "group"
            if fractions and fractions[-1] == "frac":
                fractions[-1] = kind = "numerator"
            elif pending_denominator:
                kind, pending_denominator = "denominator", False
            fractions.append(kind)
            out.add("(", pos)
        elif char in ("}", "｝"):
            kind = fractions.pop() if fractions and fractions[-1] != "frac" else "group"
            out.add(")", pos)
            if kind == "numerator":
                out.add("/", pos)
                pending_denominator = True
            elif kind == "denominator":
                out.add(")", pos)
        elif char in CHARACTERS:
            out.add(CHARACTERS[char], pos)
        elif char in NAMED:
            out.name(NAMED[char], pos)
        elif unicodedata.name(char, "").startswith(("GREEK SMALL LETTER ", "GREEK CAPITAL LETTER ")):
            out.name(unicodedata.name(char).split()[-1].lower(), pos)
        else:
            out.add(unicodedata.normalize("NFKC", char), pos)
        pos += 1
    return "".join(out.chars), out.origin


def _command(text: str, pos: int, out: Rewrite, fractions: list[str]) -> int:
    """A LaTeX command at `pos` (the backslash); the position after it."""
    end = pos + 1
    while end < len(text) and text[end].isascii() and text[end].isalpha():
        end += 1
    if end == pos + 1 and end < len(text):  # a one-character command: \, \; \! \  \{
        end += 1
    word = text[pos + 1 : end]
    if word in SPACING:
        out.add(" ", pos)
    elif word == "frac":
        out.add("(", pos)
        fractions.append("frac")  # the next brace opens the numerator
    elif word in FUNCTION_COMMANDS:
        out.name(FUNCTION_COMMANDS[word], pos)
    elif word in OPERATOR_COMMANDS:
        out.add(OPERATOR_COMMANDS[word], pos)
    elif word in ("top", "intercal"):
        out.add("T", pos)
    elif word in DROPPED_COMMANDS or word in CONTENT_COMMANDS:
        pass  # \left( is (, \mathrm{W} is (W)
    elif word in ("{", "}"):
        out.add("(" if word == "{" else ")", pos)
    elif _is_greek_letter(word):
        out.name(word, pos)
    else:
        shown = "\\" + word
        raise AnswerError(
            f"cannot read this answer: unknown LaTeX command {shown} at position {pos + 1}",
            f"解答を読めません: {pos + 1} 文字目の LaTeX コマンド {shown} は使えません",
            caret(text, pos),
        )
    return end


def _is_greek_letter(word: str) -> bool:
    try:
        unicodedata.lookup(f"GREEK SMALL LETTER {word.upper()}")
    except KeyError:
        return False
    return word.isalpha()


def _superscripts(text: str, pos: int, out: Rewrite) -> int:
    """A run of superscript characters: an exponent (digits bare, anything else in parentheses)."""
    if text[pos] == TRANSPOSE:
        out.add("^T", pos)
        return pos + 1
    end = pos
    while end < len(text) and text[end] in SUPERSCRIPTS:
        end += 1
    exponent = "".join(SUPERSCRIPTS[c] for c in text[pos:end])
    out.add("^", pos)
    if exponent.isdigit():
        for i, digit in enumerate(exponent):
            out.add(digit, pos + i)
    else:
        out.add("(", pos)
        for i, char in enumerate(exponent):
            out.add(char, pos + i)
        out.add(")", end - 1)
    return end


def _braced_power(text: str, pos: int, out: Rewrite) -> int:
    """^{T} and ^{\\top} are a transpose; any other ^{…} is ^ and a parenthesised group."""
    close = text.find("}", pos + 2)
    inside = text[pos + 2 : close].strip() if close != -1 else ""
    if inside in ("T", "\\top", "\\intercal"):
        out.add("^T", pos)
        return close + 1
    out.add("^", pos)
    return pos + 1  # the brace is read next, as a group


def _subscript(text: str, pos: int, out: Rewrite) -> int:
    """x_1, x_{1}, W_{in}, W_{(in)}: the name with an underscore and the subscript's letters and digits."""
    if text[pos + 1 : pos + 2] != "{":
        out.add("_", pos)
        return pos + 1
    close = text.find("}", pos + 2)
    if close == -1:
        out.add("_", pos)
        return pos + 1
    inside = [(i, c) for i, c in enumerate(text[pos + 2 : close], start=pos + 2) if c.isascii() and c.isalnum()]
    out.add("_", pos)
    for i, c in inside:
        out.add(c, i)
    return close + 1


def caret(typed: str, pos: int) -> str:
    """The typed text and a caret under its character at `pos`, by display columns (a Japanese
    character takes two); invisible and control characters shown as a space or ?."""
    shown = "".join(ch if ch.isprintable() else " " if ch.isspace() else "?" for ch in typed)
    return f"    {shown}\n    {' ' * display_width(shown[:pos])}^"
