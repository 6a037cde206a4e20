"""Symbolic, choice and numeric checks on the real catalog, driven by tests/answers/<id>.yaml:
every kept right answer passes, every kept wrong one fails with the diagnosis that names it."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
import yaml
from grader import catalog as catalog_mod
from grader.checks import kind, symbolic
from grader.params import default_seed, draw, render

from tests_support import grade_in_a_fresh_process

REPO = Path(__file__).resolve().parent.parent
CATALOG = catalog_mod.load(REPO / "problems.yaml")
KEPT = {
    p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
    for p in sorted((REPO / "tests/answers").glob("*.yaml"))
    if CATALOG.get(p.stem) is not None
}  # unknown ids: see test_every_kept_answer_names_a_problem


def judge(pid: str, part: str, text: str, lang: str = "en", seed: int | None = None):
    """Judge one part; a parametric problem's {expressions} are filled with the numbers of `seed`."""
    problem = CATALOG.get(pid)
    assert problem is not None, f"tests/answers/{pid}.yaml names no problem"
    spec = next((c for c in problem.checks if c.part == part), None)
    assert spec is not None, f"{pid} has no part {part}"
    values = draw(problem, seed if seed is not None else default_seed(pid))
    verdict = kind(spec.kind).judge(problem, spec, render(str(text), values), lang, values)
    return verdict, verdict.status


def _seeds(data: dict) -> list:
    return data.get("seeds") or [None]


RIGHT = [
    (pid, part, text, seed)
    for pid, data in KEPT.items()
    for part, forms in data.get("right", {}).items()
    for text in forms
    for seed in _seeds(data)
]
WRONG = [
    (pid, part, item["answer"], item.get("diagnosis"), seed)
    for pid, data in KEPT.items()
    for part, items in data.get("wrong", {}).items()
    for item in items
    for seed in _seeds(data)
]


@pytest.mark.parametrize("pid, part, text, seed", RIGHT, ids=[f"{p}.{k}:{t}:{s}" for p, k, t, s in RIGHT])
def test_right_answer_passes(pid, part, text, seed):
    verdict, status = judge(pid, part, text, seed=seed)
    assert status == "pass", verdict.message


@pytest.mark.parametrize("pid, part, text, diagnosis, seed", WRONG, ids=[f"{p}.{k}:{t}:{s}" for p, k, t, _, s in WRONG])
def test_wrong_answer_fails_with_diagnosis(pid, part, text, diagnosis, seed):
    verdict, status = judge(pid, part, text, seed=seed)
    assert status == "fail", verdict.message
    if diagnosis:
        assert diagnosis in (verdict.diagnosis or verdict.message), (verdict.message, verdict.diagnosis)
        ja, _ = judge(pid, part, text, "ja", seed)
        assert (ja.diagnosis or ja.message) != (verdict.diagnosis or verdict.message), "no Japanese text"


def test_every_answer_problem_keeps_right_and_wrong_answers():
    for problem in CATALOG.problems:
        if problem.is_code:
            continue
        data = KEPT.get(problem.id)
        assert data, f"tests/answers/{problem.id}.yaml is missing"
        for part in problem.parts:
            assert data.get("wrong", {}).get(part), f"{problem.id}.{part}: no kept wrong answer"
        if problem.kind == "symbolic":
            for part in problem.parts:
                assert len(data["right"].get(part, [])) >= 3, f"{problem.id}.{part}: fewer than 3 right forms"
                assert len(data["wrong"].get(part, [])) >= 3, f"{problem.id}.{part}: fewer than 3 wrong forms"


def test_counterexample_names_a_point():
    verdict, _ = judge("chain_rule_dzdx", "dzdx", "3x")
    assert verdict.message.startswith("not equivalent: at x=")


def test_shape_error_says_which_product():
    verdict, status = judge("rnn_y1", "s1", "sigmoid(x1 W_in + s0 W + b)")
    assert status == "fail"
    assert verdict.message.startswith("the shapes do not fit: cannot multiply D×1 by H×D")


def test_unknown_symbol_is_error_with_allowed_names():
    verdict, status = judge("rnn_y1", "s1", "sigmoid(W_x x1)")
    assert status == "error"
    assert verdict.message.startswith("unknown name 'W_x' at position 9; allowed: x1, s0, W_in, W, b, W_out, c,")


def test_not_a_number_and_not_an_option_are_errors():
    verdict, status = judge("conv_output_size", "oh", "seventeen")
    assert status == "error" and verdict.message.startswith("not a number: unknown name 'seventeen'")
    verdict, status = judge("weight_init", "relu", "E")
    assert status == "error" and verdict.message == "'E' is not an option; answer one of A, B, C, D"


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no alarm here, so sympy is not tried")
def test_sympy_proof_gives_up_in_time_and_the_numbers_decide(monkeypatch):
    # found by tests/hostile/test_parser_fuzz.py: sympy expands this for hours; e^(-1000) is 0.0 in floats
    monkeypatch.setattr(symbolic, "SYMPY_SECONDS", 0.5)
    started = time.monotonic()
    slow = "1 - tanh(x)^2 + e^(-1000)*(tanh(x) + sech(x) + exp(x) + sigmoid(x))^12"
    verdict, status = judge("d_tanh_expr", "dydx", slow)
    assert time.monotonic() - started < 5.0
    assert status == "pass" and verdict.message == "equivalent to the expected answer (checked at 24 random points)"
    verdict, status = judge("d_tanh_expr", "dydx", "1 - tanh(x)^2")
    assert status == "pass" and verdict.message == "equivalent to the expected answer (sympy, and 24 random points)"


# --- the prover: `drill grade` imports sympy in a forked process while it checks the numbers ---


def _grade_in_a_fresh_process(tmp_path, answer: str) -> tuple[dict, dict]:
    from click.testing import CliRunner
    from grader.cli import main

    ws = tmp_path / "ws"
    CliRunner().invoke(main, ["init", str(ws)], catch_exceptions=False)
    return grade_in_a_fresh_process(ws, "d_tanh_expr", "--answer", answer)


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="sympy runs alongside on Linux only")
def test_a_right_answer_is_proved_by_sympy_in_a_second_process(tmp_path):
    card, seen = _grade_in_a_fresh_process(tmp_path, "1/cosh(x)^2")
    assert card["checks"][0]["message"] == "equivalent to the expected answer (sympy, and 24 random points)"
    assert seen == {"exit": 0, "children": "none", "imported": []}  # the proof's process is gone, reaped


def test_a_wrong_scalar_answer_is_decided_without_numpy_or_sympy(tmp_path):
    card, seen = _grade_in_a_fresh_process(tmp_path, "1 + tanh(x)^2")
    assert card["checks"][0]["message"].startswith("not equivalent: at x=")
    assert seen == {"exit": 1, "children": "none", "imported": []}


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs fork")
def test_the_second_process_answers_each_part_and_a_dead_one_means_not_proven():
    problem = CATALOG.get("d_tanh_expr")
    spec = problem.checks[0]
    from grader.prover import Prover

    worker = Prover(problem)
    try:
        assert worker.prove(spec.name, "1/cosh(x)^2") is True
        assert worker.prove(spec.name, "sech(x)^2") is True
        assert worker.prove(spec.name, "1 + tanh(x)^2") is False
        __import__("os").kill(worker.pid, signal.SIGKILL)
        assert worker.prove(spec.name, "1 - tanh(x)^2") is False  # the numbers then decide, with their own message
        assert worker.pid is None  # reaped
    finally:
        worker.close()


def test_the_sympy_alarm_waits_out_a_gc_callback_or_an_unraisable_hook_instead_of_being_swallowed(monkeypatch):
    """An exception raised inside a gc callback or a __del__ is swallowed (and reported to the
    unraisable hook, where a second alarm broke pytest's own hook): the alarm lets those frames
    finish and the next repeat, 50 ms later, stops sympy."""
    import sys

    from grader.checks import symbolic

    monkeypatch.setattr(symbolic, "_armed", True)

    def gc_callback():
        return sys._getframe()

    def unraisable_hook():
        return inner()

    def inner():
        return sys._getframe()

    def sympy_work():
        return sys._getframe()

    symbolic._raise_out_of_time(14, gc_callback())  # nothing raised
    symbolic._raise_out_of_time(14, unraisable_hook())
    with pytest.raises(symbolic._OutOfTime):
        symbolic._raise_out_of_time(14, sympy_work())
