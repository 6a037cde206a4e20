"""`gradcheck`: the learner's analytic gradients against central differences of a float64 loss.

The loss is the reference one, evaluated in the grader's process, so a learner's forward pass
cannot bend the yardstick.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from grader.checks.base import CodeCheck, Msg, Verdict, mismatch, verdict
from grader.checks.cases import copy_case, describe_case
from grader.checks.schema import Kind

OK = Msg("相対誤差 {errs}（基準 {tol:g} 未満）", "relative error {errs} (below {tol:g})")
TOO_BIG = Msg(
    "ケース {i}（{shapes}）: {name} の相対誤差 {err:.2e} が基準 {tol:g} を超えています",
    "case {i} ({shapes}): relative error of {name} is {err:.2e}, above {tol:g}",
)


def numerical_gradient(f: Callable[[], float], x: Any, h: float = 1e-4) -> Any:
    """Central-difference gradient of f() with respect to array x (changed in place, restored)."""
    import numpy as np

    grad = np.zeros_like(x, dtype=np.float64)
    it = np.nditer(x, flags=["multi_index"], op_flags=[["readwrite"]])
    while not it.finished:
        idx = it.multi_index
        keep = x[idx]
        x[idx] = keep + h
        plus = f()
        x[idx] = keep - h
        minus = f()
        x[idx] = keep
        grad[idx] = (plus - minus) / (2 * h)
        it.iternext()
    return grad


def relative_error(a: Any, b: Any) -> float:
    """max|a − b| / max(|a| + |b|, 1e-12): 0 for equal arrays, about 1 for unrelated ones."""
    import numpy as np

    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    scale = max(float(np.max(np.abs(a) + np.abs(b))) if a.size else 0.0, 1e-12)
    return float(np.max(np.abs(a - b))) / scale if a.size else 0.0


@dataclass(frozen=True)
class Params:
    """A `gradcheck` check's catalog parameters: the largest relative error that passes, overriding
    the hidden module's `tol`."""

    tolerance: float | None = None


@dataclass(frozen=True)
class GradCheck(CodeCheck):
    """Compare `run(learner, case)[name]` with d loss(case) / d case[wrt[name]] numerically.

    inputs(rng) -> cases of float64 arrays; run (learner's process) returns analytic gradients by
    name; loss(case) -> float is the reference scalar loss; wrt maps a gradient name to a case key.
    """

    inputs: Callable
    run: Callable
    loss: Callable
    wrt: dict = field(default_factory=dict)
    tol: float = 1e-6
    h: float = 1e-4
    kind: str = "gradcheck"

    def draw(self, rng: Any) -> list:
        return self.inputs(rng)

    def reference(self, cases: list) -> list:
        """The numerical gradients, case by case: computed while the learner's code runs."""
        numeric = []
        for case in cases:
            work = copy_case(case)
            grads = {}

            def loss(work: dict = work) -> float:
                return float(self.loss(work))

            for name, key in self.wrt.items():
                grads[name] = numerical_gradient(loss, work[key], self.h)
            numeric.append(grads)
        return numeric

    def probe(self, learner: Any, cases: list) -> list:
        return [self.run(learner, copy_case(c)) for c in cases]

    def judge(self, cases: list, reference: list, outputs: list, lang: str, params: Params | None = None) -> Verdict:
        tol = params.tolerance if params is not None and params.tolerance is not None else self.tol
        worst: dict[str, float] = {}
        for i, (case, want, got) in enumerate(zip(cases, reference, outputs), 1):
            got = got if isinstance(got, dict) else {}
            for name, numeric in want.items():
                value = got.get(name)
                why = mismatch(value, numeric, rtol=1.0, atol=1e300, lang=lang)
                if why:
                    return verdict(False, f"{name}: {why}")
                err = relative_error(value, numeric)
                if not err < tol:
                    return verdict(False, TOO_BIG(lang, i=i, shapes=describe_case(case), name=name, err=err, tol=tol))
                worst[name] = max(worst.get(name, 0.0), err)
        errs = ", ".join(f"{k} {v:.1e}" for k, v in worst.items())
        return verdict(True, OK(lang, errs=errs, tol=tol))


KIND = Kind("gradcheck", Params, is_code=True, check_class=GradCheck)
