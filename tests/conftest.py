"""Shared fixtures: a copy of the mini course as a workspace, and a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import grader.hidden
import pytest
from click.testing import CliRunner
from grader.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _plain_env(monkeypatch):
    """Tests see English, no colour, no workspace and no terminal width from the environment (pytest-xdist's
    workers get COLUMNS=80; drill then lays out for 100 columns), and UTC as the local time zone (drill
    shows local times: a test that wants another zone sets TZ itself)."""
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setenv("DRILL_LANG", "en")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("DRILL_WORKSPACE", raising=False)
    monkeypatch.delenv("DRILL_TODAY", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture
def mini(tmp_path, monkeypatch) -> Path:
    """A fresh copy of tests/fixtures/mini_course, its hidden tests importable as grader.hidden.*."""
    dest = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini_course", dest)
    monkeypatch.setattr(grader.hidden, "__path__", [*grader.hidden.__path__, str(dest / "hidden")])
    return dest


@pytest.fixture
def cli():
    """Invoke `drill ARGS...` in-process; returns the click Result (stdout, stderr, exit_code)."""
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke
