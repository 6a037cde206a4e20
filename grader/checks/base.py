"""What the check kinds share: bilingual messages, the verdict, the code kinds' two phases, value comparison."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from grader.results import FAIL, PASS
from grader.wire import Foreign


@dataclass(frozen=True)
class Msg:
    """A message in Japanese and English."""

    ja: str
    en: str

    def __call__(self, lang: str, **fmt) -> str:
        text = self.ja if lang == "ja" else self.en
        return text.format(**fmt) if fmt else text


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
        return self.ja if lang == "ja" else self.en


class CodeCheck:
    """A code check kind, in two explicit phases around the learner's run.

    Before the run: `draw(rng)` gives the cases the learner's process gets. While it runs:
    `reference(cases)` computes what only the judge needs (reference outputs, numerical gradients),
    so it never reaches the learner's process. In that process: `probe(learner, cases)` gives the
    outputs. After: `judge(cases, reference, outputs, lang, params)` decides, with the catalog's
    parameters of the check (where one is None, the hidden module's own value holds)."""

    kind: str = ""

    def draw(self, rng) -> list:
        raise NotImplementedError

    def reference(self, cases: list) -> object:
        return None

    def probe(self, learner, cases: list) -> list:
        raise NotImplementedError

    def judge(self, cases: list, reference: object, outputs: list, lang: str, params: object = None) -> Verdict:
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


def describe(value) -> str:
    """A short description of a returned value: type, shape and dtype."""
    import numpy as np

    if isinstance(value, Foreign):
        extra = f" shape={value.shape}" if value.shape is not None else ""
        return f"{value.type_name}{extra}"
    if isinstance(value, np.ndarray):
        return f"ndarray shape={value.shape} dtype={value.dtype}"
    return type(value).__name__


def mismatch(got, want, rtol: float, atol: float, lang: str) -> str | None:
    """Why `got` is not `want` (shape, dtype family, NaN, values), or None when they agree."""
    import numpy as np

    if isinstance(want, tuple):
        if not isinstance(got, tuple) or len(got) != len(want):
            return (f"{len(want)} 個の値のタプルを返してください（実際: {describe(got)}）" if lang == "ja"
                    else f"return a tuple of {len(want)} values (got {describe(got)})")
        for i, (g, w) in enumerate(zip(got, want)):
            why = mismatch(g, w, rtol, atol, lang)
            if why:
                return f"[{i}] {why}"
        return None
    want_arr = np.asarray(want)
    if isinstance(got, Foreign):
        if got.type_name == "matrix":
            return ("np.matrix ではなく ndarray を返してください" if lang == "ja"
                    else "return an ndarray, not an np.matrix")
        return (f"ndarray を返してください（実際: {describe(got)}）" if lang == "ja"
                else f"expected an ndarray, got {describe(got)}")
    if got is None:
        return ("値が None です（return を忘れていませんか）" if lang == "ja"
                else "got None (a missing return?)")
    if isinstance(want, np.ndarray) and not isinstance(got, np.ndarray):
        return (f"ndarray を返してください（実際: {describe(got)}）" if lang == "ja"
                else f"expected an ndarray, got {describe(got)}")
    got_arr = np.asarray(got)
    if got_arr.dtype.kind not in "biufc":
        return f"dtype {got_arr.dtype}"
    if got_arr.shape != want_arr.shape:
        return (f"形状が違います: {got_arr.shape}（正しくは {want_arr.shape}）" if lang == "ja"
                else f"wrong shape {got_arr.shape}, expected {want_arr.shape}")
    if want_arr.dtype.kind in "iu" and got_arr.dtype.kind in "fc":
        return (f"dtype が {got_arr.dtype} です。整数（{want_arr.dtype} など）で返してください" if lang == "ja"
                else f"dtype {got_arr.dtype}; return integers (like {want_arr.dtype})")
    if want_arr.dtype.kind == "f" and got_arr.dtype.kind in "biu":
        return (f"dtype が整数 ({got_arr.dtype}) です。浮動小数点数で計算してください" if lang == "ja"
                else f"integer dtype {got_arr.dtype}; compute in floating point")
    if got_arr.dtype.kind == "c" and want_arr.dtype.kind != "c":
        return f"complex dtype {got_arr.dtype}"
    if not np.all(np.isfinite(got_arr)) and np.all(np.isfinite(want_arr)):
        return ("NaN または inf が含まれています" if lang == "ja" else "contains NaN or inf")
    if want_arr.dtype.kind == "b" and want_arr.ndim == 0 and bool(got_arr) != bool(want_arr):
        return (f"{bool(want_arr)} になるはずが {bool(got_arr)} です" if lang == "ja"
                else f"expected {bool(want_arr)}, got {bool(got_arr)}")
    if not np.allclose(got_arr, want_arr, rtol=rtol, atol=atol, equal_nan=True):
        err = float(np.max(np.abs(got_arr.astype(np.float64) - want_arr)))
        return (f"値が違います（最大誤差 {err:.3g}）" if lang == "ja"
                else f"wrong values (max abs error {err:.3g})")
    return None


def close(got, want, rtol: float, atol: float) -> bool:
    """True when `got` agrees with `want` as mismatch() judges it."""
    return mismatch(got, want, rtol, atol, "en") is None
