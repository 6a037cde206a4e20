"""Course mode's harness and zygote: every code problem's run functions travel without their hidden
module, nothing of the judge's travels with them, and every reference solution passes when graded
from the zygote as another user."""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

import pytest
from grader import autograde, grading
from grader.sandbox import harness, zygote
from grader.submission import submission_from_file

REPO = Path(__file__).resolve().parent.parent
CATALOG = autograde.course_catalog()
CODE = [p for p in CATALOG.problems if p.is_code]


def judge_callables(checks: dict, problem) -> set[int]:
    """The ids of what only the judge may hold: expected, the variants, the inputs, losses, scores."""
    found = set()
    for spec in problem.checks:
        check = checks[spec.name]
        for attr in ("expected", "inputs", "configs", "loss", "score"):
            if getattr(check, attr, None) is not None:
                found.add(id(getattr(check, attr)))
        found |= {id(v.expected) for v in getattr(check, "variants", ())}
    return found


@pytest.mark.parametrize("problem", CODE, ids=lambda p: p.id)
def test_every_run_packs_without_the_judge(problem):
    checks = grading.hidden_checks(problem)
    runs = {spec.name: checks[spec.name].run for spec in problem.checks}
    blob = harness.pack(runs)
    packer = harness._Packer()
    for run in runs.values():
        packer.ref(run, "test")
    assert not {id(f) for f in packer.keep} & judge_callables(checks, problem)
    assert b"grader.hidden." not in harness._pickled_globals(blob)
    rebuilt = harness.unpack(blob)
    assert sorted(rebuilt) == sorted(runs)
    data = pickle.loads(blob)
    assert all(not f["module"] or f["module"].startswith("grader.hidden") for f in data["functions"])


def test_what_cannot_travel_is_refused():
    import grader.hidden.relu_layer as hidden_module

    def uses_the_module(learner, case):
        return hidden_module.CHECKS

    uses_the_module.__module__ = "grader.hidden.fake"
    with pytest.raises(harness.HarnessError, match="uses the hidden module grader.hidden.relu_layer"):
        harness.pack({"c": uses_the_module})
    with pytest.raises(harness.HarnessError, match="run is a int"):
        harness.pack({"c": 3})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the zygote forks (Linux)")
def test_every_solution_passes_from_the_zygote():
    ident = zygote.identity(None, allow_same_user=True)
    assert (ident.uid is not None) == (os.geteuid() == 0)
    failing = []
    with zygote.Zygote(ident) as running:
        zygote.activate(running)
        try:
            for problem in CODE:
                path = REPO / problem.solution
                result = grading.grade(problem, submission_from_file(problem, path, path.name, "en"), lang="en")
                if result.status != "pass":
                    failing.append((problem.id, [c.message for c in result.checks if c.status != "pass"][:1]))
        finally:
            zygote.activate(None)
    assert failing == []


def test_the_zygote_must_come_before_hidden_tests_are_only_a_fresh_interpreter(tmp_path):
    # the zygote is a fresh interpreter: this process (which has imported hidden modules) shares nothing
    import grader.hidden.relu_layer  # noqa: F401

    with zygote.Zygote(zygote.identity(None, allow_same_user=True)) as running:
        assert running.pid is not None and running.pid != os.getpid()
        with open(f"/proc/{running.pid}/cmdline", "rb") as fh:
            assert b"grader.sandbox.zygote" in fh.read()
