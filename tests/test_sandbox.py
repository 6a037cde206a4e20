"""The sandbox: learner faults come back as typed outcomes, never as exceptions or hangs."""

from __future__ import annotations

import os
import time

import numpy as np
from grader import sandbox
from grader.sandbox import Missing, Raised, Returned


def write(tmp_path, text, name="sub.py", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def run(path: str, probes: list, timeout: float) -> sandbox.RunOutcome:
    """The sandbox on the file's text, as grading gives it (read once, by grader/submission.py)."""
    with open(path, encoding="utf-8-sig") as fh:
        return sandbox.run(fh.read(), path, probes, timeout)


def call(attr, *args):
    return lambda mod: [{"v": getattr(mod, attr)(*args)}]


def test_value_comes_back_exactly(tmp_path):
    path = write(tmp_path, "import numpy as np\ndef f(x):\n    return x * 2\n")
    x = np.arange(6.0).reshape(2, 3)
    outcome = run(path, [("p", call("f", x))], timeout=5).probe("p")
    assert isinstance(outcome, Returned)
    got = outcome.value[0]["v"]
    assert np.array_equal(got, x * 2) and got.dtype == np.float64


def test_exception_cut_to_learner_frames(tmp_path):
    path = write(tmp_path, "def f(x):\n    return x @ x\n")
    outcome = run(path, [("p", call("f", np.ones((2, 3))))], timeout=5).probe("p")
    assert isinstance(outcome, Raised) and not outcome.not_implemented
    assert outcome.message.startswith("ValueError: matmul: Input operand 1 has a mismatch")
    assert outcome.message.endswith("(sub.py:2: return x @ x)")
    assert "grader" not in outcome.message


def test_not_implemented_names_the_line(tmp_path):
    path = write(tmp_path, "def f(x):\n    # TODO\n    raise NotImplementedError\n")
    outcome = run(path, [("p", call("f", 1))], timeout=5).probe("p")
    assert outcome == Raised("sub.py:3", not_implemented=True)


def test_syntax_error_has_caret(tmp_path):
    path = write(tmp_path, "def f(x):\n    return (x +\n")
    failure = run(path, [("p", call("f", 1))], timeout=5).load_failure
    assert failure.kind == "syntax"
    assert failure.message.startswith("sub.py:2: SyntaxError: '(' was never closed")


def test_timeout_kills_and_keeps_earlier_records(tmp_path):
    path = write(tmp_path, "def ok():\n    return 1\ndef spin():\n    while True:\n        pass\n")
    started = time.monotonic()
    result = run(path, [("a", call("ok")), ("b", call("spin"))], timeout=1)
    assert time.monotonic() - started < 2
    assert result.timed_out and isinstance(result.probe("a"), Returned) and result.probe("b") == Missing()


def test_os_exit_is_reported(tmp_path):
    path = write(tmp_path, "import os\ndef f():\n    os._exit(0)\n")
    result = run(path, [("p", call("f"))], timeout=5)
    assert result.probes == {} and result.ended_early.get("en") == "the process exited with code 0 before finishing"
    assert result.ended_early.get("ja") == "プロセスが終了コード 0 で途中終了しました"


def test_sys_exit_in_method_is_a_learner_exception(tmp_path):
    path = write(tmp_path, "import sys\ndef f():\n    sys.exit(3)\n")
    outcome = run(path, [("p", call("f"))], timeout=5).probe("p")
    assert isinstance(outcome, Raised) and outcome.message.startswith("SystemExit: 3")


def test_import_time_exception_is_load_failure(tmp_path):
    path = write(tmp_path, "import numpy as np\nraise KeyError('boom')\n")
    failure = run(path, [("p", call("f"))], timeout=5).load_failure
    assert failure.kind == "exception" and failure.message == "KeyError: 'boom' (sub.py:2: raise KeyError('boom'))"


def test_output_is_captured_per_probe_and_capped(tmp_path):
    path = write(
        tmp_path, "def a():\n    print('hello from a')\n    return 1\ndef b():\n    print('x' * 200000)\n    return 2\n"
    )
    result = run(path, [("a", call("a")), ("b", call("b"))], timeout=5)
    assert result.probe("a") == Returned([{"v": 1}], "hello from a\n")
    assert result.probe("b").output.endswith("more bytes not read]")
    assert len(result.probe("b").output) < 70000


def test_memory_is_limited(tmp_path):
    path = write(tmp_path, "import numpy as np\ndef f():\n    return np.ones((1 << 16, 1 << 16))\n")
    outcome = run(path, [("p", call("f"))], timeout=10).probe("p")
    assert isinstance(outcome, Raised) and "MemoryError" in outcome.message


def test_no_process_left_behind(tmp_path):
    path = write(tmp_path, "import subprocess\ndef f():\n    subprocess.Popen(['sleep', '31.25'])\n    return 1\n")
    run(path, [("p", call("f"))], timeout=5)

    def sleepers():
        found = []
        for pid in os.listdir("/proc"):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as fh:
                    if fh.read() == b"sleep\x0031.25\x00":
                        with open(f"/proc/{pid}/stat") as st:
                            if st.read().split()[2] != "Z":
                                found.append(pid)
            except OSError:
                continue
        return found

    for _ in range(50):
        if not sleepers():
            break
        time.sleep(0.02)
    assert sleepers() == []


def test_learner_cannot_change_the_graders_arrays(tmp_path):
    path = write(tmp_path, "def f(x):\n    x[...] = 0\n    return x\n")
    x = np.ones((2, 3))
    run(path, [("p", call("f", x))], timeout=5)
    assert np.all(x == 1)


def test_the_learner_cannot_write_to_the_graders_other_files(tmp_path):
    # drill's history database, or the pipe from a forked grading process to drill: open here,
    # so inherited by a forked learner unless the runner closes them
    path = write(
        tmp_path,
        "import os\ndef f():\n"
        "    hit = []\n"
        "    for fd in map(int, os.listdir('/proc/self/fd')):\n"
        "        if fd > 2:\n"
        "            try:\n"
        "                os.write(fd, b'junk')\n"
        "                hit.append(fd)\n"
        "            except OSError:\n"
        "                pass\n"
        "    return len(hit)\n",
    )
    with open(tmp_path / "history.db", "wb") as held:
        result = run(path, [("p", call("f"))], timeout=5)
        assert held.fileno() > 2
    assert (tmp_path / "history.db").read_bytes() == b""
    assert result.ended_early or result.probes  # whatever became of its junk on the result pipe, one result


def test_a_traceback_quotes_the_graded_text_even_without_a_file():
    """A notebook cell has no file, and a learner's file may be saved again mid-grade: the quoted
    line is the one that was graded."""
    import pytest
    from grader.sandbox.source import compile_source, learner_frames

    code, failure = compile_source("x = 1\ny = x / 0\n", "<cell>")
    assert failure is None
    with pytest.raises(ZeroDivisionError) as info:
        exec(code, {})
    assert learner_frames(info.value, "<cell>") == "ZeroDivisionError: division by zero (<cell>:2: y = x / 0)"
