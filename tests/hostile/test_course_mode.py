"""Course mode against hostile submissions: `drill autograde` (as root) runs the learner's code as
`nobody`, forked from a zygote that never had a hidden module, in a mount namespace where all is
read-only but its private folder and the secrets are hidden.

Each submission is relu_layer's file doing one attack at import. Had the attack worked, the file would
go on to define a right Relu (so a pass would show it); instead each must be a clean fail or error with
one line that names why, and nothing else may change: the results file is drill's, the grader lived,
no file appeared outside, the course's files are as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0, reason="course mode's isolation needs Linux and root"
)


def _graders_paths() -> tuple[Path, Path]:
    """The course folder and the hidden tests' folder of the drill `python -m grader` runs outside this
    checkout (the installed one in CI): its secrets are what the attacks go for."""
    import tempfile

    probe = "import grader.hidden, json; from grader import workspace; "
    probe += "print(json.dumps([str(workspace.course_dir()), grader.hidden.__path__[0]]))"
    with tempfile.TemporaryDirectory() as elsewhere:
        out = subprocess.run([sys.executable, "-c", probe], cwd=elsewhere, capture_output=True, text=True, check=True)
    course, hidden = json.loads(out.stdout)
    return Path(course), Path(hidden)


COURSE, HIDDEN_DIR = _graders_paths()
SOLUTION = COURSE / "solutions" / "02_backprop" / "relu_layer.py"
HIDDEN = HIDDEN_DIR / "relu_layer.py"
RIGHT = SOLUTION.read_text(encoding="utf-8")

# hidden by the empty mount, or (an installed drill under a folder only root may enter) refused
BLOCKED_READ = (
    "FileNotFoundError: [Errno 2] No such file or directory",
    "PermissionError: [Errno 13] Permission denied",
)

# name -> (the attack, run at import; what the one line must say)
ATTACKS = {
    "read_solution": (
        f"exec(open({str(SOLUTION)!r}).read())",
        BLOCKED_READ,
    ),
    "read_hidden_module": (
        f"print(open({str(HIDDEN)!r}).read()[:100])",
        BLOCKED_READ,
    ),
    "import_hidden_module": (
        "import grader.hidden.relu_layer as h\nRelu = None",
        "ModuleNotFoundError: No module named 'grader.hidden",  # .relu_layer, or the package where it is hidden
    ),
    "expected_in_memory": (
        "import gc, sys\n"
        "found = [o for o in gc.get_objects() if callable(o) and 'expected' in getattr(o, '__name__', '')]\n"
        "found += [m for m in sys.modules if m.startswith('grader.hidden.')]\n"
        "if not found:\n"
        "    raise LookupError('no expected function and no hidden module in this process')\n",
        "LookupError: no expected function and no hidden module in this process",
    ),
    "read_parent_memory": (
        "import os\n"
        "readable = []\n"
        "for pid in [int(p) for p in os.listdir('/proc') if p.isdigit() and int(p) != os.getpid()]:\n"
        "    try:\n"
        "        with open(f'/proc/{pid}/mem', 'rb') as fh:\n"
        "            fh.read(1)\n"
        "        readable.append(pid)\n"
        "    except OSError:\n"
        "        pass\n"
        "if not readable:\n"
        "    raise PermissionError('the memory of no other process is readable')\n",
        "PermissionError: the memory of no other process is readable",
    ),
    "write_results_file": (
        "import os\nopen(os.environ['HOSTILE_OUT'], 'w').write('{\"score\": 100}')",
        ("PermissionError: [Errno 13] Permission denied", "OSError: [Errno 30] Read-only file system"),
    ),
    "signal_the_grader": (
        "import os, signal\n"
        "hit = []\n"
        "for pid in [int(p) for p in os.listdir('/proc') if p.isdigit() and int(p) != os.getpid()]:\n"
        "    try:\n"
        "        os.kill(pid, signal.SIGKILL)\n"
        "        hit.append(pid)\n"
        "    except OSError:\n"
        "        pass\n"
        "if not hit:\n"
        "    raise PermissionError('no other process could be signalled')\n",
        "PermissionError: no other process could be signalled",
    ),
    "write_outside": (
        "open('/tmp/drill-hostile-pwned', 'w').write('x')",
        "OSError: [Errno 30] Read-only file system: '/tmp/drill-hostile-pwned'",
    ),
    "write_beside_the_submission": (
        "import os\nopen(os.path.join(os.environ['HOSTILE_SUBMISSION'], 'pwned'), 'w').write('x')",
        ("PermissionError: [Errno 13] Permission denied", "OSError: [Errno 30] Read-only file system"),
    ),
    "exhaust_memory": ("blocks = [bytearray(1 << 28) for _ in range(64)]", "MemoryError"),
    "fork_bomb": (
        "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass",
        "started more than 100 processes",
    ),
}


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.as_posix().encode() + path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def course_digest() -> str:
    return digest(COURSE / "solutions") + digest(HIDDEN_DIR)


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_an_attack_is_a_clean_fail_and_changes_nothing(name, tmp_path, course_digest):
    attack, says = ATTACKS[name]
    submission = tmp_path / "submission"
    submission.mkdir()
    (submission / "relu_layer.py").write_text(attack + "\n\n" + RIGHT, encoding="utf-8")
    out = tmp_path / "results" / "results.json"
    out.parent.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DRILL_")}
    env.update(HOSTILE_OUT=str(out), HOSTILE_SUBMISSION=str(submission))
    done = subprocess.run(
        [sys.executable, "-m", "grader", "autograde", str(submission), "--out", str(out), "--problems", "relu_layer"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr  # the grader lived to write its file
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "drill-results" and data["score"] == 0, data  # drill's file, not the learner's
    problem = data["problems"][0]
    assert problem["status"] in ("fail", "error")
    lines = {c["message"] for c in problem["checks"] if c["status"] != "pass"}
    says = (says,) if isinstance(says, str) else says  # a tuple: either (the mount or the permission stops it)
    assert any(said in line for line in lines for said in says), lines
    assert all("\n" not in line for line in lines)  # one line each
    assert not Path("/tmp/drill-hostile-pwned").exists()
    assert sorted(p.name for p in submission.iterdir()) == ["relu_layer.py"]
    assert digest(COURSE / "solutions") + digest(HIDDEN_DIR) == course_digest
    assert done.stderr == ""


def test_the_right_answer_still_passes_in_course_mode(tmp_path):
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "relu_layer.py").write_text(RIGHT, encoding="utf-8")
    out = tmp_path / "r.json"
    done = subprocess.run(
        [sys.executable, "-m", "grader", "autograde", str(tmp_path / "s"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text())["status"] == "pass"


def test_without_root_it_refuses_in_one_line(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    (tmp_path / "s").mkdir()
    out = tmp_path / "r.json"
    result = cli("autograde", tmp_path / "s", "--out", out)
    line = (
        "drill runs as {user}, not root, so it cannot run the learners' code as another user: run it as root (in "
        "the engine's container), or pass --allow-same-user (the learners' code then runs with drill's rights)"
    )
    import pwd

    try:
        user = pwd.getpwuid(1000).pw_name
    except KeyError:
        user = "uid 1000"
    assert result.exit_code == 2
    assert result.stderr == f"Error: {line.format(user=user)}\n"
    assert json.loads(out.read_text())["message"] == line.format(user=user)  # the engine sees why too


@pytest.mark.parametrize("locked", [True, False])
def test_without_a_mount_namespace_the_file_modes_keep_the_secrets(tmp_path, monkeypatch, locked):
    """A container that refuses unshare (Docker's default): the learner still runs as nobody, and the
    secret folders lose other users' access instead (without that, as the control shows, nobody reads)."""
    import shutil
    import tempfile

    from grader import autograde, grading
    from grader.sandbox import zygote
    from grader.submission import submission_from_file

    open_folder = Path(tempfile.mkdtemp(dir="/tmp"))  # every user may pass through /tmp/X
    try:
        open_folder.chmod(0o755)
        secret = open_folder / "secret"
        secret.mkdir()
        secret.chmod(0o755)
        (secret / "answers.txt").write_text("the expected values")
        (secret / "answers.txt").chmod(0o644)
        monkeypatch.setattr(zygote, "_can_isolate", lambda: False)
        monkeypatch.setattr(zygote, "_secrets", lambda: (str(secret),))
        if not locked:
            monkeypatch.setattr(zygote, "_lock", lambda folders: None)
        ident = zygote.identity(None, False)
        assert (ident.uid, ident.isolate) == (65534, False)
        assert secret.stat().st_mode & 0o777 == (0o750 if locked else 0o755)
        learner = tmp_path / "relu_layer.py"
        learner.write_text(f"print(open({str(secret / 'answers.txt')!r}).read())\n\n" + RIGHT, encoding="utf-8")
        problem = autograde.course_catalog().get("relu_layer")
        with zygote.Zygote(ident) as running:
            zygote.activate(running)
            try:
                result = grading.grade(problem, submission_from_file(problem, learner, learner.name, "en"), lang="en")
            finally:
                zygote.activate(None)
    finally:
        shutil.rmtree(open_folder)
    if locked:
        assert result.status == "error"
        assert result.checks[0].message.startswith("PermissionError: [Errno 13] Permission denied")
    else:  # the control: this is what the lock prevents
        assert result.status == "pass" and "the expected values" in result.checks[0].output
