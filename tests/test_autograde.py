"""`drill autograde`: one submission, graded for a course's engine, in each engine's result format.

Golden files (tests/golden/autograde/<format>-<outcome>.json) hold what each format writes for each
outcome; durations are set to 0 before comparing. Regenerate them after a deliberate change with
DRILL_UPDATE_GOLDEN=1 and read the diff. Every file written is also validated against the format's
documented keys (tests/schemas/<format>.json).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from grader import autograde, resultformats
from grader.params import draw, render

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "autograde"
SCHEMAS = Path(__file__).parent / "schemas"
CATALOG = autograde.course_catalog()
RELU = CATALOG.get("relu_layer")
CONV = CATALOG.get("conv_output_size")  # a parametric numeric problem
SOLUTION = (REPO / RELU.solution).read_text(encoding="utf-8")

WRONG = {
    # forward doubles x: wrong values, no named mistake
    "fail": SOLUTION.replace("out[self.mask] = 0", "out[self.mask] = 0\n        out = out * 2"),
    # the step function: a named mistake
    "diagnosis": SOLUTION.replace("out[self.mask] = 0", "out = (x > 0).astype(float)"),
    "error": "class Relu(:\n",
    "timeout": "class Relu:\n    def __init__(self):\n        while True:\n            pass\n",
}


def schema(fmt: str) -> dict:
    return json.loads((SCHEMAS / f"{fmt}.json").read_text(encoding="utf-8"))


def valid(fmt: str, data: dict) -> dict:
    jsonschema.validate(data, schema(fmt))
    return data


class _Catalog:
    """The course catalog with relu_layer's timeout cut to 1 s (the timeout outcome)."""

    def __init__(self, timeout: float):
        self.problems = CATALOG.problems
        self._timeout = timeout

    def get(self, problem_id):
        problem = CATALOG.get(problem_id)
        return dataclasses.replace(problem, timeout=self._timeout) if problem.is_code else problem


def conv_answer(submission_id: str) -> str:
    """The right answer file of conv_output_size for the numbers of `submission_id`."""
    values = draw(CONV, autograde.seed_for(submission_id, CONV.id))
    return render((REPO / CONV.solution).read_text(encoding="utf-8"), values)


def make_submission(root: Path, outcome: str, submission_id: str = "s-001") -> Path:
    relu = root / RELU.file
    relu.parent.mkdir(parents=True, exist_ok=True)
    relu.write_text(SOLUTION if outcome == "pass" else WRONG[outcome], encoding="utf-8")
    (root / Path(CONV.file).name).write_text(conv_answer(submission_id), encoding="utf-8")  # at the top
    return root


def normalised(data: dict) -> dict:
    """`data` with what changes from run to run (durations) set to 0."""
    text = json.dumps(data, ensure_ascii=False)
    text = re.sub(r'"(duration_s|execution_time)": [0-9.e-]+', r'"\1": 0', text)
    text = re.sub(r"relative error (\w+) [0-9.e+-]+", r"relative error \1 <x>", text)  # rounding differs by numpy
    return json.loads(text)


def graded(tmp_path, outcome: str, lang: str = "en"):
    root = make_submission(tmp_path / f"sub-{outcome}", outcome)
    timeout = 1.0 if outcome == "timeout" else RELU.timeout
    return autograde.grade_submission(root, ["relu_layer", "conv_output_size"], "s-001", lang, _Catalog(timeout))


@pytest.mark.parametrize("outcome", ["pass", "fail", "diagnosis", "error", "timeout"])
def test_each_format_writes_its_golden_file(tmp_path, outcome):
    result = graded(tmp_path, outcome)
    for fmt in resultformats.FORMATS:
        data = normalised(valid(fmt, resultformats.render(result, fmt)))
        golden = GOLDEN / f"{fmt}-{outcome}.json"
        if os.environ.get("DRILL_UPDATE_GOLDEN"):
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(resultformats.dumps(data))
        assert data == json.loads(golden.read_text(encoding="utf-8")), f"{fmt}-{outcome} differs from {golden}"


def test_what_each_outcome_is_called(tmp_path):
    by_outcome = {o: graded(tmp_path, o) for o in ("pass", "diagnosis", "error", "timeout")}
    assert [g.result.status for g in by_outcome["pass"].graded] == ["pass", "pass"]
    assert by_outcome["pass"].status == "pass"
    assert by_outcome["diagnosis"].graded[0].result.checks[0].diagnosis.startswith("this returns 0/1")
    assert by_outcome["error"].graded[0].result.reason == "syntax"
    assert by_outcome["timeout"].graded[0].result.reason == "timeout"
    assert by_outcome["timeout"].graded[0].result.checks[0].message == "did not finish within 1 s (an endless loop?)"

    pl = {o: resultformats.to_prairielearn(r) for o, r in by_outcome.items()}
    assert pl["pass"]["gradable"] and pl["pass"]["score"] == 1.0
    assert not pl["error"]["gradable"]  # a syntax error uses no attempt
    assert pl["error"]["format_errors"] == [by_outcome["error"].graded[0].result.message]
    assert pl["timeout"]["gradable"]  # a timeout is graded, and scores 0 for what it stopped
    assert pl["timeout"]["score"] == CONV.points / (CONV.points + RELU.points)

    ex = resultformats.to_exercism(by_outcome["error"])
    assert ex["status"] == "fail"  # conv_output_size still ran: exercism's error means no test ran
    assert [t["task_id"] for t in ex["tests"]] == [1] * len(RELU.checks) + [2] * len(CONV.checks)


def test_a_regrade_shows_the_same_numbers_and_another_submission_other_ones(tmp_path):
    first = graded(tmp_path, "pass")
    again = graded(tmp_path / "again", "pass")
    assert first.graded[1].values == again.graded[1].values
    other = autograde.grade_submission(make_submission(tmp_path / "o", "pass"), ["conv_output_size"], "s-002", "en")
    assert other.graded[0].values != first.graded[1].values
    assert other.graded[0].result.status == "fail"  # s-001's answers are wrong for s-002's numbers


def test_exercism_output_is_cut_to_500_characters(tmp_path):
    root = make_submission(tmp_path / "loud", "pass")
    relu = root / RELU.file
    relu.write_text(relu.read_text(encoding="utf-8").replace("out = x.copy()", "print('x' * 5000); out = x.copy()"))
    data = valid("exercism", resultformats.to_exercism(autograde.grade_submission(root, ["relu_layer"], "s", "en")))
    outputs = [t["output"] for t in data["tests"] if "output" in t]
    assert outputs and all(len(o) <= 500 for o in outputs)
    assert outputs[0].endswith("\nOutput was truncated. Please limit to 500 chars")


def test_gradescope_after_due(tmp_path):
    result = graded(tmp_path, "pass")
    data = valid(
        "gradescope", resultformats.to_gradescope(result, frozenset({"relu_layer/gradcheck", "conv_output_size"}))
    )
    hidden = [t["name"] for t in data["tests"] if t["visibility"] == "after_due_date"]
    assert hidden == ["relu_layer: gradcheck"] + [f"conv_output_size: {c.name}" for c in CONV.checks]


# -- the command


def run(cli, *args, lang="en"):
    return cli("--lang", lang, "autograde", *args)


def test_the_command_writes_the_file_and_says_so(cli, tmp_path):
    root = make_submission(tmp_path / "s-001", "pass")
    out = tmp_path / "out" / "results.json"
    result = run(cli, root, "--format", "gradescope", "--out", out, "--problems", "relu_layer,conv_output_size")
    assert result.exit_code == 0
    assert result.stdout == (
        "relu_layer: 6/6 points — pass\nconv_output_size: 10/10 points — pass\ntotal: 16/16 points\n"
        f"results written to {out}\n"
    )
    data = valid("gradescope", json.loads(out.read_text(encoding="utf-8")))
    assert data["score"] == 16
    assert oct(out.stat().st_mode & 0o777) == "0o644"
    assert not (root / ".drill").exists() and not (tmp_path / ".drill").exists()  # no history anywhere


def test_the_command_in_japanese(cli, tmp_path):
    root = make_submission(tmp_path / "s-001", "diagnosis")
    out = tmp_path / "r.json"
    result = run(cli, root, "--out", out, "--problems", "relu_layer", lang="ja")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "relu_layer: 3/6 点 — 不合格（4 件中 2 件のチェックが不合格です）"
    assert result.stdout.splitlines()[-1] == f"結果を {out} に書きました"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (
        "→ 診断: "
        in resultformats.to_gradescope(autograde.grade_submission(root, ["relu_layer"], "s", "ja"))["tests"][0][
            "output"
        ]
    )
    assert data["problems"][0]["status"] == "fail"


def test_default_problems_are_those_whose_files_are_there(cli, tmp_path):
    root = make_submission(tmp_path / "s-001", "pass")
    out = tmp_path / "r.json"
    assert run(cli, root, "--out", out).exit_code == 0
    assert [p["problem"] for p in json.loads(out.read_text())["problems"]] == ["relu_layer", "conv_output_size"]


@pytest.mark.parametrize("fmt", resultformats.FORMATS)
def test_when_drill_cannot_grade_the_file_still_says_why(cli, tmp_path, fmt):
    out = tmp_path / "r.json"
    result = run(cli, tmp_path / "nowhere", "--format", fmt, "--out", out)
    assert result.exit_code == 0
    data = valid(fmt, json.loads(out.read_text(encoding="utf-8")))
    message = f"the submission {tmp_path / 'nowhere'} is not a folder"
    assert message in json.dumps(data, ensure_ascii=False)
    assert result.stdout.splitlines()[0] == message
    if fmt in ("drill", "exercism", "classroom"):
        assert data["status"] == "error"
    if fmt == "prairielearn":
        assert data["gradable"] is False


def test_an_unknown_problem_is_an_error_result(cli, tmp_path):
    out = tmp_path / "r.json"
    root = make_submission(tmp_path / "s", "pass")
    assert run(cli, root, "--out", out, "--problems", "relu_layr").exit_code == 0
    data = json.loads(out.read_text())
    assert data["status"] == "error"
    assert data["message"] == "unknown problem 'relu_layr'. Did you mean 'relu_layer'? (drill list)"


def test_an_unwritable_results_file_is_exit_2(cli, tmp_path):
    root = make_submission(tmp_path / "s", "pass")
    (tmp_path / "plain").write_text("a file, not a folder")
    out = tmp_path / "plain" / "r.json"
    result = run(cli, root, "--out", out, "--problems", "relu_layer")
    assert result.exit_code == 2
    assert result.stderr == f"Error: cannot write the results to {out}: File exists\n"


# -- bad submissions: one line each, never a crash


def bad(tmp_path, name: str, make) -> tuple[str, str]:
    root = tmp_path / name
    root.mkdir()
    make(root)
    result = autograde.grade_submission(root, ["relu_layer"], "s", "en")
    r = result.graded[0].result
    if r.status != "pass":
        assert len({c.message for c in r.checks}) == 1  # one line, said by every check
    return r.status, r.checks[0].message


def test_bad_submissions(tmp_path):
    relu_path = RELU.file

    def missing(root):
        (root / "notes.txt").write_text("hello")

    def cp932(root):
        (root / "relu_layer.py").write_bytes("# 日本語のコメント\nclass Relu: pass\n".encode("cp932"))

    def link_out(root):
        secret = tmp_path / "secret.py"
        secret.write_text("class Relu: pass\n")
        (root / "relu_layer.py").symlink_to(secret)

    def huge(root):
        with open(root / "relu_layer.py", "wb") as fh:
            fh.truncate(1 << 30)  # 1 GB, sparse

    def fifo(root):
        os.mkfifo(root / "relu_layer.py")

    def odd_names(root):
        (root / "relu_layer.py").write_text(SOLUTION)
        (root / "ｒｅｌｕ \n名前?*.py").write_text("raise SystemExit")

    assert bad(tmp_path, "missing", missing) == (
        "error",
        f"the submission has no {relu_path} (relu_layer.py at the top of the submission will do too)",
    )
    assert bad(tmp_path, "cp932", cp932) == (
        "error",
        "relu_layer.py is saved in Shift_JIS (cp932), not UTF-8: save it as UTF-8 and grade again",
    )
    assert bad(tmp_path, "link", link_out) == (
        "error",
        "relu_layer.py is a link to a place outside the submission: submit the file itself",
    )
    assert bad(tmp_path, "huge", huge) == ("error", "relu_layer.py is larger than 4 MB, more than a file drill grades")
    assert bad(tmp_path, "fifo", fifo) == ("error", "relu_layer.py cannot be read: not a regular file")
    assert bad(tmp_path, "odd", odd_names)[0] == "pass"


def test_an_empty_submission_says_so(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "r.json"
    assert run(cli, tmp_path / "empty", "--format", "exercism", "--out", out).exit_code == 0
    data = valid("exercism", json.loads(out.read_text()))
    assert data["status"] == "error"
    assert data["message"] == (
        f"the submission {tmp_path / 'empty'} holds no file of a drill problem (name the problems with --problems)"
    )


def test_the_submission_cannot_bring_its_own_catalog(tmp_path):
    root = make_submission(tmp_path / "s", "fail")
    (root / "problems.yaml").write_text("problems: []\n")  # a learner's catalog with no checks
    result = autograde.grade_submission(root, ["relu_layer"], "s", "en")
    assert result.graded[0].result.status == "fail"


# -- the course config


def test_the_course_config_names_the_problems_their_files_and_what_waits(cli, tmp_path):
    root = tmp_path / "s"
    (root / "hw1").mkdir(parents=True)
    (root / "hw1" / "my_relu.py").write_text(SOLUTION, encoding="utf-8")
    config = tmp_path / "course.yaml"
    config.write_text(
        "problems: [relu_layer]\nfiles: {relu_layer: hw1/my_relu.py}\nafter_due: [relu_layer/reuse]\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.json"
    result = run(cli, root, "--format", "gradescope", "--out", out, "--config", config)
    assert result.exit_code == 0
    data = valid("gradescope", json.loads(out.read_text(encoding="utf-8")))
    assert data["score"] == RELU.points
    assert [t["name"] for t in data["tests"] if t["visibility"] == "after_due_date"] == ["relu_layer: reuse"]
    missing = autograde.grade_submission(tmp_path / "s", ["relu_layer"], "x", "en", files={"relu_layer": "hw2/r.py"})
    assert missing.graded[0].result.checks[0].message == (
        "the submission has no hw2/r.py (r.py at the top of the submission will do too)"
    )


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("problems: relu_layer\n", "problems is a list of problem ids"),
        ("files: {relu_layer: ../x.py}\n", "a path in files stays inside the submission: ../x.py"),
        ("hidden: [x]\n", "its keys are problems, files and after_due"),
        ("files: [a]\n", "files maps problem ids to paths"),
        ("problems: [relu_layer\n", "while parsing a flow sequence"),
    ],
)
def test_a_bad_course_config_is_one_line(tmp_path, text, why):
    config = tmp_path / "c.yaml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(Exception) as caught:
        autograde.load_config(config)
    assert caught.value.text("en") == f"the course config {config}: {why}"
