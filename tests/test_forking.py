"""grader/forking.py: one `drill grade` split over two processes, and what comes back across."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from grader import forking
from grader.cli import main
from grader.errors import CatalogError

from tests_support import grade_in_a_fresh_process

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def test_the_value_comes_back_and_meanwhile_runs_here():
    here = os.getpid()
    seen = []
    value = forking.overlap(lambda: {"pid": os.getpid(), "x": [1.5]}, lambda: seen.append(os.getpid()))
    assert value["x"] == [1.5] and value["pid"] != here
    assert seen == [here]
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # reaped


def test_a_drill_error_is_raised_here_as_itself():
    def fails():
        raise CatalogError("problem 'x': no hidden tests (grader/hidden/x.py)")

    with pytest.raises(CatalogError, match=r"^problem 'x': no hidden tests \(grader/hidden/x.py\)$"):
        forking.overlap(fails)


def test_a_crash_or_a_death_there_is_a_worker_failure_here():
    with pytest.raises(forking.WorkerFailed, match=r"ZeroDivisionError"):
        forking.overlap(lambda: 1 / 0)
    with pytest.raises(
        forking.WorkerFailed, match=r"^the grading process ended early \(the process was killed by SIGKILL\)$"
    ):
        forking.overlap(lambda: os.kill(os.getpid(), signal.SIGKILL))
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_only_where_it_helps_and_is_safe(monkeypatch):
    assert not forking.fork_helps("os")  # imported already: nothing to overlap
    monkeypatch.setenv("DRILL_START_METHOD", "spawn")
    assert not forking.fork_helps("a_module_nobody_imported")
    monkeypatch.delenv("DRILL_START_METHOD")
    assert forking.fork_helps("a_module_nobody_imported") == sys.platform.startswith("linux")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked grading on Linux only")
@pytest.mark.parametrize("which, status, code", [("solution", "pass", 0), ("stub", "fail", 1)])
def test_drill_grade_of_code_imports_numpy_only_in_the_forked_process(tmp_path, which, status, code):
    ws = tmp_path / "ws"
    CliRunner().invoke(main, ["init", str(ws)], catch_exceptions=False)
    if which == "solution":
        (ws / "exercises/02_backprop/affine_backward.py").write_bytes(
            (REPO / "solutions/02_backprop/affine_backward.py").read_bytes()
        )
    card, seen = grade_in_a_fresh_process(ws, "affine_backward")
    assert card["status"] == status and [c["name"] for c in card["checks"]] == ["backward", "gradcheck", "reuse"]
    assert seen == {"exit": code, "children": "none", "imported": []}
