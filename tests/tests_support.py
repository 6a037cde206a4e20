"""Paths and helpers shared by the tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent

_GRADE_AND_REPORT = """\
import json, os, sys
from grader.cli import main
try:
    main(['--workspace', sys.argv[1], 'grade', *sys.argv[2:], '--json'])
except SystemExit as exc:
    code = exc.code
try:
    os.waitpid(-1, os.WNOHANG)
    children = 'some'
except ChildProcessError:
    children = 'none'
print(json.dumps({'exit': code, 'children': children,
                  'imported': sorted(m for m in ('numpy', 'sympy') if m in sys.modules)}))
"""


def grade_in_a_fresh_process(workspace: Path, *args: str) -> tuple[dict, dict]:
    """`drill grade ARGS --json` in a new interpreter: (the result, what that interpreter saw after:
    its exit code, whether a child process was left unreaped, which of numpy and sympy it imported)."""
    out = subprocess.run(
        [sys.executable, "-c", _GRADE_AND_REPORT, str(workspace), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
        env={**os.environ, "DRILL_LANG": "en"},
    ).stdout
    result, seen = out[: out.rindex("\n{")], out.strip().splitlines()[-1]
    return json.loads(result), json.loads(seen)
