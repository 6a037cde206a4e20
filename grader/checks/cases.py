"""`cases`: seeded inputs, the learner's outputs against reference outputs computed beforehand."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from grader.checks.base import Msg, PreparedInTwo, Variant, Verdict, close, mismatch

OK = Msg("{n} ケースすべて一致", "all {n} cases match")
OK_ONE = Msg("1 ケース一致", "the one case matches")
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
class Cases(PreparedInTwo):
    """Compare named outputs of `run(learner, case)` with `expected(case)` on every case.

    inputs(rng) -> list of cases (dicts); run runs in the learner's process and returns a dict;
    expected runs in the grader's process before the learner's code does.
    """

    inputs: Callable
    run: Callable
    expected: Callable
    variants: tuple[Variant, ...] = field(default_factory=tuple)
    rtol: float = 1e-6
    atol: float = 1e-8
    kind: str = "cases"

    def prepare_expected(self, prepared: dict) -> None:
        """What only the judge needs (the reference's outputs, the known wrong ones'), added in place;
        grade_code computes it while the learner's code runs."""
        cases = prepared["cases"]
        prepared["expected"] = [self.expected(copy_case(c)) for c in cases]
        prepared["variants"] = {v.name: [v.expected(copy_case(c)) for c in cases] for v in self.variants}

    def probe(self, learner, prepared: dict) -> list:
        return [self.run(learner, copy_case(c)) for c in prepared["cases"]]

    def judge(self, prepared: dict, outputs: list, lang: str) -> Verdict:
        cases, expected = prepared["cases"], prepared["expected"]
        for i, (case, want, got) in enumerate(zip(cases, expected, outputs), start=1):
            got = got if isinstance(got, dict) else {}
            for name, want_value in want.items():
                why = mismatch(got.get(name), want_value, self.rtol, self.atol, lang)
                if why is None:
                    continue
                shapes = describe_case(case)
                shapes = (f"（{shapes}）" if lang == "ja" else f" ({shapes})") if shapes else ""
                message = CASE_FAIL(lang, i=i, shapes=shapes, name=name, why=why)
                return Verdict(False, message, self._diagnose(prepared, outputs, name, lang))
        return Verdict(True, OK(lang, n=len(cases)) if len(cases) != 1 else OK_ONE(lang))

    def _diagnose(self, prepared: dict, outputs: list, name: str, lang: str) -> str | None:
        """The message of the first known wrong variant that the learner's `name` matches, on every
        case where that variant differs from the right answer (cases where they agree prove nothing)."""
        for variant in self.variants:
            wrong = prepared["variants"][variant.name]
            if not all(name in w for w in wrong):
                continue
            telling = [(got, w) for got, w, right in zip(outputs, wrong, prepared["expected"])
                       if not close(w[name], right.get(name), self.rtol, self.atol)]
            if telling and all(isinstance(got, dict) and close(got.get(name), w[name], self.rtol, self.atol)
                               for got, w in telling):
                return variant.message(lang)
        return None
