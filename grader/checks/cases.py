"""`cases`: seeded inputs, the learner's outputs against reference outputs computed beforehand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from grader.checks.base import CodeCheck, Msg, Variant, Verdict, close, mismatch, verdict
from grader.checks.schema import Kind

OK = Msg("{n} ケースすべて一致", "all {n} cases match")
OK_ONE = Msg("1 ケース一致", "the one case matches")
IN_PARENS = Msg("（{shapes}）", " ({shapes})")
CASE_FAIL = Msg("ケース {i}{shapes}: {name}: {why}", "case {i}{shapes}: {name}: {why}")


def describe_case(case: dict) -> str:
    """'x(2, 3), W(3, 4)': the shapes of a case's array inputs, for messages."""
    parts = []
    for key, value in case.items():
        shape = getattr(value, "shape", None)
        if shape is not None and not key.startswith("_"):
            parts.append(f"{key}{tuple(shape)}")
    return ", ".join(parts)


def copy_case(case: dict) -> dict:
    """Deep-enough copy of a case so learner code cannot change the grader's inputs."""
    import copy

    return {k: copy.deepcopy(v) for k, v in case.items()}


@dataclass(frozen=True)
class Params:
    """A `cases` check's catalog parameters: tolerances that override the hidden module's."""

    rtol: float | None = None
    atol: float | None = None


@dataclass(frozen=True)
class Cases(CodeCheck):
    """Compare named outputs of `run(learner, case)` with `expected(case)` on every case.

    inputs(rng) -> list of cases (dicts); run runs in the learner's process and returns a dict;
    expected runs in the grader's process while the learner's code runs, never in it.
    """

    inputs: Callable
    run: Callable
    expected: Callable
    variants: tuple[Variant, ...] = field(default_factory=tuple)
    rtol: float = 1e-6
    atol: float = 1e-8
    kind: str = "cases"

    def draw(self, rng: Any) -> list:
        return self.inputs(rng)

    def reference(self, cases: list) -> dict:
        """The reference's outputs and the known wrong variants' outputs, case by case."""
        return {
            "expected": [self.expected(copy_case(c)) for c in cases],
            "variants": {v.name: [v.expected(copy_case(c)) for c in cases] for v in self.variants},
        }

    def probe(self, learner: Any, cases: list) -> list:
        return [self.run(learner, copy_case(c)) for c in cases]

    def judge(self, cases: list, reference: dict, outputs: list, lang: str, params: Params | None = None) -> Verdict:
        rtol, atol = self._tolerances(params)
        for i, (case, want, got) in enumerate(zip(cases, reference["expected"], outputs), start=1):
            got = got if isinstance(got, dict) else {}
            for name, want_value in want.items():
                why = mismatch(got.get(name), want_value, rtol, atol, lang)
                if why is None:
                    continue
                shapes = describe_case(case)
                shapes = IN_PARENS.format(lang, shapes=shapes) if shapes else ""
                message = CASE_FAIL(lang, i=i, shapes=shapes, name=name, why=why)
                return verdict(False, message, self._diagnose(reference, outputs, name, lang, rtol, atol))
        return verdict(True, OK(lang, n=len(cases)) if len(cases) != 1 else OK_ONE(lang))

    def _tolerances(self, params: Params | None) -> tuple[float, float]:
        rtol = params.rtol if params is not None and params.rtol is not None else self.rtol
        atol = params.atol if params is not None and params.atol is not None else self.atol
        return rtol, atol

    def _diagnose(self, reference: dict, outputs: list, name: str, lang: str, rtol: float, atol: float) -> str | None:
        """The message of the first known wrong variant that the learner's `name` matches, on every
        case where that variant differs from the right answer (cases where they agree prove nothing)."""
        for variant in self.variants:
            wrong = reference["variants"][variant.name]
            if not all(name in w for w in wrong):
                continue
            telling = [
                (got, w)
                for got, w, right in zip(outputs, wrong, reference["expected"])
                if not close(w[name], right.get(name), rtol, atol)
            ]
            if telling and all(
                isinstance(got, dict) and close(got.get(name), w[name], rtol, atol) for got, w in telling
            ):
                return variant.message(lang)
        return None


KIND = Kind("cases", Params, is_code=True, check_class=Cases)
