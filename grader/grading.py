"""Grading one problem on one submission: prepare, run the learner's code or read the answers, judge."""

from __future__ import annotations

import importlib
import time
import zlib
from typing import TYPE_CHECKING, Any

from grader.checks import kind
from grader.errors import CatalogError
from grader.results import ERROR, FAIL, CheckResult, ProblemResult, cap_output, summarise
from grader.submission import Answers, Code, Submission, Unreadable
from grader.texts import Text, text_of

if TYPE_CHECKING:
    from grader.catalog import Problem

MESSAGES = {
    "not_implemented": Text("まだ実装されていません（{err}）", "not implemented yet ({err})"),
    "timeout": Text(
        "{t:g} 秒以内に終わりませんでした（無限ループ？）", "did not finish within {t:g} s (an endless loop?)"
    ),
    "not_run": Text("前のチェックで止まったため実行されませんでした", "not run: the run stopped in an earlier check"),
    "died": Text("学習者のプロセスが途中で終了しました: {why}", "your code's process ended early: {why}"),
    "raised": Text("例外: {err}", "raised {err}"),
    "count": Text(
        "{n} ケース分の結果が必要ですが、返ってきたのは {got} ケース分です", "expected results for {n} cases, got {got}"
    ),
    "unanswered": Text("無回答です", "not answered"),
    "no_answer": Text(
        "まだ解答がありません（{file} の {part} = の行、または --answer {part}=…）",
        "no answer yet (the '{part} =' line of {file}, or --answer {part}=…)",
    ),
    "internal": Text(
        "採点側の内部エラー（チェック '{name}'）: {err}", "internal grader error in check '{name}': {err}"
    ),
}


def _msg(key: str, lang: str, **fmt) -> str:
    return MESSAGES[key].format(lang, **fmt)


def hidden_checks(problem: Problem) -> dict:
    """The CHECKS of a code problem's hidden module grader/hidden/<id>.py."""
    try:
        module = importlib.import_module(f"grader.hidden.{problem.id}")
    except ModuleNotFoundError as exc:
        if exc.name == f"grader.hidden.{problem.id}":
            raise CatalogError(f"problem '{problem.id}': no hidden tests (grader/hidden/{problem.id}.py)") from None
        raise
    checks = getattr(module, "CHECKS", None)
    if not isinstance(checks, dict):
        raise CatalogError(f"problem '{problem.id}': grader/hidden/{problem.id}.py defines no CHECKS dict")
    for spec in problem.checks:
        obj = checks.get(spec.name)
        if obj is None:
            raise CatalogError(
                f"problem '{problem.id}': checks '{spec.name}' is not in grader/hidden/{problem.id}.py CHECKS"
            )
        check_class = kind(spec.kind).check_class
        assert check_class is not None, f"{spec.kind} is a code kind"  # the catalog allows code kinds only
        if not isinstance(obj, check_class):
            raise CatalogError(
                f"problem '{problem.id}': check '{spec.name}' is a {type(obj).__name__} in the "
                f"hidden module, not the {check_class.__name__} its kind ({spec.kind}) in the "
                f"catalog needs"
            )
    return checks


def seed_for(problem_id: str, check_name: str) -> int:
    """A stable seed per problem and check, so a run can be repeated exactly."""
    return zlib.crc32(f"{problem_id}/{check_name}".encode())


def grade(
    problem: Problem, submission: Submission, *, lang: str, values: dict | None = None, prover: Any = None
) -> ProblemResult:
    """Grade `submission` as the answer to `problem`: the one grading entry.

    A code problem takes `Code` (run in the learner's sandbox against the hidden checks); a symbolic /
    choice / numeric problem takes `Answers` (a parametric problem's numbers are `values`, drawn from
    its default seed if not given). `Unreadable` gives every check an error saying why. `prover`,
    if given, is where symbolic checks ask sympy (a `grader.prover.Prover` started by the caller)."""
    if isinstance(submission, Unreadable):
        results = [
            CheckResult(spec.name, ERROR, 0, spec.points, submission.message.splitlines()[0]) for spec in problem.checks
        ]
        return summarise(problem.id, results, 0.0, lang, submission.message, submission.kind)
    if problem.is_code:
        if not isinstance(submission, Code):
            raise TypeError(f"problem '{problem.id}' is graded on Code, not {type(submission).__name__}")
        return _grade_code(problem, submission, lang)
    if not isinstance(submission, Answers):
        raise TypeError(f"problem '{problem.id}' is graded on Answers, not {type(submission).__name__}")
    if values is None and problem.variables:
        from grader.params import default_seed, draw

        values = draw(problem, default_seed(problem.id))
    return _grade_answers(problem, submission, lang, values, prover)


def _grade_code(problem, code: Code, lang: str) -> ProblemResult:
    """Prepare the inputs, start the learner's run, compute what only the judge needs while it runs,
    then judge what came back."""
    import numpy as np

    from grader import sandbox

    started = time.monotonic()
    checks = hidden_checks(problem)
    cases = {
        spec.name: checks[spec.name].draw(np.random.default_rng(seed_for(problem.id, spec.name)))
        for spec in problem.checks
    }
    probes = [
        (spec.name, _Probe(problem.id, spec.name, checks[spec.name], cases[spec.name])) for spec in problem.checks
    ]
    course = ({spec.name: checks[spec.name].run for spec in problem.checks}, cases)
    with sandbox.start(code.source, str(code.path), probes, problem.timeout, course) as learner_run:
        # what only the judge needs, computed while the learner's code runs: never in its process
        reference = {spec.name: checks[spec.name].reference(cases[spec.name]) for spec in problem.checks}
        run = learner_run.wait()
    results: list[CheckResult] = []
    if run.load_failure is not None:
        failure = run.load_failure
        output = cap_output(failure.output)
        message = text_of(failure.message, lang)
        for spec in problem.checks:
            results.append(CheckResult(spec.name, ERROR, 0, spec.points, message.splitlines()[0], None, output))
        why = "syntax" if failure.kind == "syntax" else "load"
        return summarise(problem.id, results, time.monotonic() - started, lang, message, why)
    stopped = False
    reason: str | None = "timeout" if run.timed_out else "ended" if run.ended_early is not None else None
    for spec in problem.checks:
        obj = checks[spec.name]
        outcome = run.probe(spec.name)
        output = cap_output(outcome.output)
        if isinstance(outcome, sandbox.Missing):
            if stopped:
                message = _msg("not_run", lang)
            elif run.timed_out:
                message = _msg("timeout", lang, t=problem.timeout)
            else:
                message = _msg("died", lang, why=run.ended_early or "?")
            stopped = True
            results.append(CheckResult(spec.name, FAIL, 0, spec.points, message, None, output))
            continue
        if isinstance(outcome, sandbox.Raised):
            key = "not_implemented" if outcome.not_implemented else "raised"
            results.append(
                CheckResult(spec.name, FAIL, 0, spec.points, _msg(key, lang, err=outcome.message), None, output)
            )
            continue
        outputs = outcome.value
        drawn = cases[spec.name]
        if len(outputs) != len(drawn):  # judged pairwise: fewer outputs must not mean fewer checks
            results.append(
                CheckResult(
                    spec.name, FAIL, 0, spec.points, _msg("count", lang, got=len(outputs), n=len(drawn)), None, output
                )
            )
            continue
        try:
            verdict = obj.judge(drawn, reference[spec.name], outputs, lang, spec.params)
        except Exception as exc:  # noqa: BLE001 - a grader bug must still give a result
            results.append(
                CheckResult(
                    spec.name,
                    ERROR,
                    0,
                    spec.points,
                    _msg("internal", lang, name=spec.name, err=repr(exc)),
                    None,
                    output,
                )
            )
            continue
        results.append(
            CheckResult(
                spec.name,
                verdict.status,
                spec.points if verdict.ok else 0,
                spec.points,
                verdict.message,
                verdict.diagnosis,
                output,
            )
        )
    return summarise(problem.id, results, time.monotonic() - started, lang, reason=reason)


class _Probe:
    """probe(learner): one check's probe, run in the learner's process on the drawn cases (and
    nothing else). Pickles as (problem id, check name, cases), so a spawned process rebuilds it
    from grader.hidden."""

    def __init__(self, problem_id: str, name: str, obj, cases: list):
        self.problem_id, self.name, self.obj, self.cases = problem_id, name, obj, cases

    def __call__(self, learner):
        return self.obj.probe(learner, self.cases)

    def __reduce__(self):
        return _hidden_probe, (self.problem_id, self.name, self.cases)


def _hidden_probe(problem_id: str, name: str, cases: list) -> _Probe:
    module = importlib.import_module(f"grader.hidden.{problem_id}")
    return _Probe(problem_id, name, module.CHECKS[name], cases)


class _NoProof:
    """Judges without asking sympy (only whether an answer can be read is wanted)."""

    def prove(self, name: str, text: str) -> bool:
        return False


def unreadable(problem: Problem, part: str, text: str, lang: str, values: dict | None = None) -> str | None:
    """Why the answer `text` to `part` cannot be read (not an option, not a formula), or None: a
    mock exam asks such an answer again instead of scoring it wrong."""
    for spec in problem.checks:
        if spec.part == part:
            judge = kind(spec.kind).judge
            assert judge is not None, f"{spec.kind} is an answer kind"
            verdict = judge(problem, spec, text, lang, values, _NoProof())
            if verdict.status == ERROR:
                return verdict.message
    return None


def _grade_answers(problem, answers: Answers, lang: str, values: dict | None, prover) -> ProblemResult:
    """Judge each part of a symbolic / choice / numeric problem."""
    from grader.answers import is_blank

    started = time.monotonic()
    results: list[CheckResult] = []
    for spec in problem.checks:
        part = spec.part
        text = answers.parts.get(part)
        if is_blank(text):
            message = (
                _msg("no_answer", lang, file=answers.label, part=part) if answers.label else _msg("unanswered", lang)
            )
            results.append(CheckResult(spec.name, FAIL, 0, spec.points, message))
            continue
        judge = kind(spec.kind).judge
        assert judge is not None, f"{spec.kind} is an answer kind"  # the catalog allows answer kinds only
        verdict = judge(problem, spec, text, lang, values, prover)
        results.append(
            CheckResult(
                spec.name,
                verdict.status,
                spec.points if verdict.ok else 0,
                spec.points,
                verdict.message,
                verdict.diagnosis,
            )
        )
    reason = "answer" if any(r.status == ERROR for r in results) else None
    return summarise(problem.id, results, time.monotonic() - started, lang, reason=reason)
