"""Loaded by `python -m grader` in the hostile tests (PYTHONPATH): makes the test course's hidden
checks importable and, at exit, writes the grader's peak RSS (VmHWM, kB) to DRILL_TEST_HWM."""

import os

_extra = os.environ.get("DRILL_TEST_HIDDEN")
if _extra:
    import grader.hidden

    grader.hidden.__path__.append(_extra)

_hwm_file = os.environ.get("DRILL_TEST_HWM")
if _hwm_file:
    import atexit

    _pid = os.getpid()

    def _report_peak():
        if os.getpid() != _pid:  # a forked learner process never reports
            return
        try:
            with open("/proc/self/status") as fh:
                peak = next(line.split()[1] for line in fh if line.startswith("VmHWM:"))
            with open(_hwm_file, "w") as out:
                out.write(peak)
        except (OSError, StopIteration):
            pass

    atexit.register(_report_peak)
