"""Ctrl-C while a learner's code runs: drill stops, and nothing it or the learner started keeps running.

`drill grade ID` grades a code problem in a forked process (grader/forking.py) that forks the
learner's; an interruption of drill must reach both, whether it comes from the terminal (the whole
foreground process group) or to drill alone.
"""

from __future__ import annotations

import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

STRAY_THEN_LOOP = """\
import subprocess


def double(x):
    subprocess.Popen(["sleep", "60"], start_new_session=True)
    while True:
        pass


class Double:
    def forward(self, x):
        return 2 * x

    def backward(self, dout):
        return 2 * dout
"""


@pytest.mark.parametrize("group", [True, False], ids=["terminal_ctrl_c", "sigint_to_drill_alone"])
def test_an_interrupted_grade_leaves_nothing_running(hostile, tmp_path, group):
    ws = hostile.workspace(tmp_path)
    (ws / "exercises/hx/hx_layer.py").write_text(STRAY_THEN_LOOP, encoding="utf-8")
    run = hostile.run(ws, "grade", "hx_layer", interrupt_after=1.5, interrupt_group=group, timeout=15)
    assert not run.hung and run.wall_s < 5.0, run
    assert run.returncode == 1 and run.stderr.strip().splitlines()[-1] == "Aborted!", run.stderr
    assert run.left_behind == []
