"""What the check kinds share: bilingual messages, the verdict, the code kinds' two phases, value comparison."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from grader.results import FAIL, PASS
from grader.texts import Text
from grader.wire import Foreign

Msg = Text  # a check's message in Japanese and English: Msg(ja, en)(lang, **values)


@dataclass(frozen=True)
class Variant:
    """A known wrong answer: what it computes, and what to tell the learner when theirs matches.

    `expected(case)` returns the wrong outputs by name (only the names it concerns).
    """

    name: str
    expected: Callable[[dict], dict]
    ja: str
    en: str

    def message(self, lang: str) -> str:
        return Text(self.ja, self.en).get(lang)


class CodeCheck:
    """A code check kind, in two explicit phases around the learner's run.

    Before the run: `draw(rng)` gives the cases the learner's process gets. While it runs:
    `reference(cases)` computes what only the judge needs (reference outputs, numerical gradients),
    so it never reaches the learner's process. In that process: `probe(learner, cases)` gives the
    outputs. After: `judge(cases, reference, outputs, lang, params)` decides, with the catalog's
    parameters of the check (where one is None, the hidden module's own value holds)."""

    kind: str = ""

    def draw(self, rng: Any) -> list:
        raise NotImplementedError

    def reference(self, cases: list) -> Any:
        return None

    def probe(self, learner: Any, cases: list) -> list:
        raise NotImplementedError

    def judge(self, cases: list, reference: Any, outputs: list, lang: str, params: Any = None) -> Verdict:
        raise NotImplementedError


@dataclass(frozen=True)
class Verdict:
    """What a check decided, before points are attached: pass, fail or error (the answer cannot be
    read), the message, and a diagnosis when the mistake is a known one."""

    status: str
    message: str
    diagnosis: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == PASS


def verdict(ok: bool, message: str, diagnosis: str | None = None) -> Verdict:
    """A pass or a fail."""
    return Verdict(PASS if ok else FAIL, message, diagnosis)


def describe(value: Any) -> str:
    """A short description of a returned value: type, shape and dtype."""
    import numpy as np

    if isinstance(value, Foreign):
        extra = f" shape={value.shape}" if value.shape is not None else ""
        return f"{value.type_name}{extra}"
    if isinstance(value, np.ndarray):
        return f"ndarray shape={value.shape} dtype={value.dtype}"
    return type(value).__name__


TUPLE = Text("{n} 個の値のタプルを返してください（実際: {got}）", "return a tuple of {n} values (got {got})")
MATRIX = Text("np.matrix ではなく ndarray を返してください", "return an ndarray, not an np.matrix")
NOT_ARRAY = Text("ndarray を返してください（実際: {got}）", "expected an ndarray, got {got}")
NONE = Text("値が None です（return を忘れていませんか）", "got None (a missing return?)")
SHAPE = Text("形状が違います: {got}（正しくは {want}）", "wrong shape {got}, expected {want}")
WANT_INT = Text(
    "dtype が {got} です。整数（{want} など）で返してください", "dtype {got}; return integers (like {want})"
)
WANT_FLOAT = Text(
    "dtype が整数 ({got}) です。浮動小数点数で計算してください", "integer dtype {got}; compute in floating point"
)
NOT_FINITE = Text("NaN または inf が含まれています", "contains NaN or inf")
WRONG_BOOL = Text("{want} になるはずが {got} です", "expected {want}, got {got}")
WRONG_VALUES = Text("値が違います（最大誤差 {err:.3g}）", "wrong values (max abs error {err:.3g})")


def mismatch(got: Any, want: Any, rtol: float, atol: float, lang: str) -> str | None:
    """Why `got` is not `want` (shape, dtype family, NaN, values), or None when they agree."""
    import numpy as np

    if isinstance(want, tuple):
        if not isinstance(got, tuple) or len(got) != len(want):
            return TUPLE.format(lang, n=len(want), got=describe(got))
        for i, (g, w) in enumerate(zip(got, want)):
            why = mismatch(g, w, rtol, atol, lang)
            if why:
                return f"[{i}] {why}"
        return None
    want_arr = np.asarray(want)
    if isinstance(got, Foreign):
        if got.type_name == "matrix":
            return MATRIX.get(lang)
        return NOT_ARRAY.format(lang, got=describe(got))
    if got is None:
        return NONE.get(lang)
    if isinstance(want, np.ndarray) and not isinstance(got, np.ndarray):
        return NOT_ARRAY.format(lang, got=describe(got))
    got_arr = np.asarray(got)
    if got_arr.dtype.kind not in "biufc":
        return f"dtype {got_arr.dtype}"
    if got_arr.shape != want_arr.shape:
        return SHAPE.format(lang, got=got_arr.shape, want=want_arr.shape)
    if want_arr.dtype.kind in "iu" and got_arr.dtype.kind in "fc":
        return WANT_INT.format(lang, got=got_arr.dtype, want=want_arr.dtype)
    if want_arr.dtype.kind == "f" and got_arr.dtype.kind in "biu":
        return WANT_FLOAT.format(lang, got=got_arr.dtype)
    if got_arr.dtype.kind == "c" and want_arr.dtype.kind != "c":
        return f"complex dtype {got_arr.dtype}"
    if not np.all(np.isfinite(got_arr)) and np.all(np.isfinite(want_arr)):
        return NOT_FINITE.get(lang)
    if want_arr.dtype.kind == "b" and want_arr.ndim == 0 and bool(got_arr) != bool(want_arr):
        return WRONG_BOOL.format(lang, want=bool(want_arr), got=bool(got_arr))
    if not np.allclose(got_arr, want_arr, rtol=rtol, atol=atol, equal_nan=True):
        # the largest error where the values differ: an infinity both share (a mask's -inf) is no error
        differ = ~np.isclose(got_arr, want_arr, rtol=rtol, atol=atol, equal_nan=True)
        err = float(np.max(np.abs(got_arr[differ].astype(np.float64) - want_arr[differ])))
        return WRONG_VALUES.format(lang, err=err)
    return None


def close(got: Any, want: Any, rtol: float, atol: float) -> bool:
    """True when `got` agrees with `want` as mismatch() judges it."""
    return mismatch(got, want, rtol, atol, "en") is None
