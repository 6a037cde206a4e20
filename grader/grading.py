"""Grading one problem: prepare expected values, run the learner's code or read the answers, judge."""
from __future__ import annotations

import importlib
import time
import zlib

from grader.checks import module_for
from grader.errors import CatalogError, UsageError
from grader.results import ERROR, FAIL, PASS, CheckResult, ProblemResult, cap_output, summarise

MESSAGES = {
    "not_implemented": ("まだ実装されていません（{err}）", "not implemented yet ({err})"),
    "timeout": ("{t:g} 秒以内に終わりませんでした（無限ループ？）", "did not finish within {t:g} s (an endless loop?)"),
    "not_run": ("前のチェックで止まったため実行されませんでした", "not run: the run stopped in an earlier check"),
    "died": ("学習者のプロセスが途中で終了しました: {why}", "your code's process ended early: {why}"),
    "raised": ("例外: {err}", "raised {err}"),
    "count": ("{n} ケース分の結果が必要ですが、返ってきたのは {got} ケース分です",
              "expected results for {n} cases, got {got}"),
    "unanswered": ("無回答です", "not answered"),
    "no_answer": ("まだ解答がありません（{file} の {part} = の行、または --answer {part}=…）",
                  "no answer yet (the '{part} =' line of {file}, or --answer {part}=…)"),
}


def _msg(key: str, lang: str, **fmt) -> str:
    ja, en = MESSAGES[key]
    return (ja if lang == "ja" else en).format(**fmt)


def hidden_checks(problem) -> dict:
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
            raise CatalogError(f"problem '{problem.id}': checks '{spec.name}' is not in "
                               f"grader/hidden/{problem.id}.py CHECKS")
        if getattr(obj, "kind", None) != spec.kind:
            raise CatalogError(f"problem '{problem.id}': check '{spec.name}' is a "
                               f"{getattr(obj, 'kind', '?')} in the hidden module, {spec.kind} in the catalog")
    return checks


def seed_for(problem_id: str, check_name: str) -> int:
    """A stable seed per problem and check, so a run can be repeated exactly."""
    return zlib.crc32(f"{problem_id}/{check_name}".encode())


def grade_code(problem, path, lang: str, while_waiting=None) -> ProblemResult:
    """Run a code problem's checks against the learner's file at `path` (`while_waiting`: see runner.run)."""
    import numpy as np

    from grader import runner, wire

    started = time.monotonic()
    checks = hidden_checks(problem)
    prepared = {}
    probes = []
    later = []  # checks whose expected values only the judge needs: computed while the learner's code runs
    for spec in problem.checks:
        obj = checks[spec.name]
        rng = np.random.default_rng(seed_for(problem.id, spec.name))
        if hasattr(obj, "prepare_expected"):
            prepared[spec.name] = obj.prepare_inputs(rng)
            later.append(spec.name)
        else:
            prepared[spec.name] = obj.prepare(rng)
        probes.append((spec.name, _Probe(problem.id, spec.name, obj, prepared[spec.name])))

    waiting = [while_waiting] if while_waiting is not None else []

    def meanwhile():  # each piece once
        while waiting:
            waiting.pop()()
        while later:
            name = later.pop(0)
            checks[name].prepare_expected(prepared[name])

    run = runner.run(str(path), probes, problem.timeout, meanwhile)
    if run.load_failure is None:
        meanwhile()  # the judge needs it, should the run have ended before starting the learner's process
    results: list[CheckResult] = []
    if run.load_failure is not None:
        failure = run.load_failure
        output = cap_output(failure.output)
        for spec in problem.checks:
            results.append(CheckResult(spec.name, ERROR, 0, spec.points, failure.message.splitlines()[0],
                                       None, output))
        return summarise(problem.id, results, time.monotonic() - started, lang, failure.message)
    stopped = False
    for spec in problem.checks:
        obj = checks[spec.name]
        record = run.records.get(spec.name)
        output = cap_output(run.outputs.get(spec.name, ""))
        if record is None:
            if stopped:
                message = _msg("not_run", lang)
            elif run.timed_out:
                message = _msg("timeout", lang, t=problem.timeout)
            else:
                message = _msg("died", lang, why=run.died or "?")
            stopped = True
            results.append(CheckResult(spec.name, FAIL, 0, spec.points, message, None, output))
            continue
        if not record.get("ok"):
            key = "not_implemented" if record.get("not_implemented") else "raised"
            results.append(CheckResult(spec.name, FAIL, 0, spec.points,
                                       _msg(key, lang, err=record.get("error", "?")), None, output))
            continue
        outputs = wire.decode_cases(record.get("value"))
        cases = prepared[spec.name].get("cases", outputs)
        if len(outputs) != len(cases):  # judged pairwise: fewer outputs must not mean fewer checks
            results.append(CheckResult(spec.name, FAIL, 0, spec.points,
                                       _msg("count", lang, got=len(outputs), n=len(cases)), None, output))
            continue
        try:
            verdict = obj.judge(prepared[spec.name], outputs, lang)
        except Exception as exc:  # noqa: BLE001 - a grader bug must still give a result
            results.append(CheckResult(spec.name, ERROR, 0, spec.points,
                                       f"internal grader error in check '{spec.name}': {exc!r}", None, output))
            continue
        status = PASS if verdict.ok else FAIL
        results.append(CheckResult(spec.name, status, spec.points if verdict.ok else 0, spec.points,
                                   verdict.message, verdict.diagnosis, output))
    return summarise(problem.id, results, time.monotonic() - started, lang)


class _Probe:
    """probe(learner): one check's probe, run in the learner's process. Pickles as (problem id,
    check name, prepared data), so a spawned process rebuilds it from grader.hidden."""

    def __init__(self, problem_id: str, name: str, obj, prepared: dict):
        self.problem_id, self.name, self.obj, self.prepared = problem_id, name, obj, prepared

    def __call__(self, learner):
        return self.obj.probe(learner, self.prepared)

    def __reduce__(self):
        return _hidden_probe, (self.problem_id, self.name, self.prepared)


def _hidden_probe(problem_id: str, name: str, prepared: dict) -> _Probe:
    module = importlib.import_module(f"grader.hidden.{problem_id}")
    return _Probe(problem_id, name, module.CHECKS[name], prepared)


def grade_answers(problem, answers: dict[str, str], file_label: str, lang: str,
                  values: dict | None = None) -> ProblemResult:
    """Judge each part of a symbolic / choice / numeric problem (numbers drawn as `values`)."""
    from grader.answers import is_blank

    started = time.monotonic()
    results: list[CheckResult] = []
    for spec in problem.checks:
        part = spec.params["part"]
        text = answers.get(part)
        if is_blank(text):
            message = (_msg("no_answer", lang, file=file_label, part=part) if file_label
                       else _msg("unanswered", lang))
            results.append(CheckResult(spec.name, FAIL, 0, spec.points, message))
            continue
        verdict, status = module_for(spec.kind).judge(problem, spec, text, lang, values)
        results.append(CheckResult(spec.name, status, spec.points if status == PASS else 0, spec.points,
                                   verdict.message, verdict.diagnosis))
    return summarise(problem.id, results, time.monotonic() - started, lang)


def grade(workspace, problem, lang: str, given_answers: tuple[str, ...] = (), seed: int | None = None,
          while_waiting=None, once: bool = False) -> ProblemResult:
    """Grade `problem` in `workspace`: the learner's file, or the answer file plus --answer values
    (a parametric problem's numbers drawn from `seed`). `while_waiting` runs once while another
    process works for this grade (runner.run). `once`: this process grades nothing else (`drill
    grade ID`), so the slow import (numpy for code, sympy for a formula) and the work that needs
    it go to a forked process where that helps (grader/forking.py), overlapping `while_waiting`."""
    from grader import forking

    path = workspace.exercise_path(problem)
    if problem.is_code:
        if given_answers:
            raise UsageError(f"'{problem.id}' is a code problem: edit {workspace.relative(path)} and run "
                             f"'drill grade {problem.id}' without --answer.")
        if once and forking.fork_helps("numpy"):
            return forking.call_forked(lambda: grade_code(problem, path, lang), while_waiting)
        return grade_code(problem, path, lang, while_waiting)
    if once and problem.kind == "symbolic":
        from grader.checks.symbolic import sympy_alongside

        with sympy_alongside(problem, while_waiting):
            return grade_answer_problem(workspace, problem, lang, given_answers, path, seed)
    return grade_answer_problem(workspace, problem, lang, given_answers, path, seed)


def grade_answer_problem(workspace, problem, lang, given_answers, path, seed: int | None = None) -> ProblemResult:
    from grader.answers import merge, parse_file
    from grader.params import default_seed, draw

    values = draw(problem, default_seed(problem.id) if seed is None else seed)
    label = workspace.relative(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        if not given_answers:
            why = ("does not exist" if isinstance(exc, FileNotFoundError) else
                   "is not UTF-8: save it as UTF-8" if isinstance(exc, UnicodeDecodeError) else "cannot be read")
            message = f"{label} {why} (restore it with: drill reset {problem.id}, or give --answer KEY=EXPR)"
            results = [CheckResult(spec.name, ERROR, 0, spec.points, message) for spec in problem.checks]
            return summarise(problem.id, results, 0.0, lang, message)
        text = ""
    answers = merge(problem, parse_file(text), given_answers)
    return grade_answers(problem, answers, label, lang, values)
