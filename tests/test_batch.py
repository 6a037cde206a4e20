"""`drill grade-batch` and `drill collect`: a class graded on one machine or by shards of a job array,
bad submissions among good ones, reruns, and the manifests in docs/ run as their engines run them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from grader import autograde, batch
from grader.errors import UsageError
from grader.sandbox import zygote

REPO = Path(__file__).resolve().parent.parent
CATALOG = autograde.course_catalog()
RELU = CATALOG.get("relu_layer")
SOLUTION = (REPO / RELU.solution).read_text(encoding="utf-8")
WRONG = SOLUTION.replace("out[self.mask] = 0", "out = (x > 0).astype(float)")


def make_class(root: Path, good: int = 6) -> dict[str, str]:
    """`good` learners with the solution, then one of each bad kind; name -> expected status."""
    root.mkdir(parents=True, exist_ok=True)
    expected = {}
    for i in range(good):
        name = f"learner-{i:02d}"
        (root / name).mkdir()
        (root / name / "relu_layer.py").write_text(SOLUTION if i % 2 == 0 else WRONG, encoding="utf-8")
        expected[name] = "pass" if i % 2 == 0 else "fail"
    bad = {
        "missing-file": lambda d: (d / "notes.txt").write_text("no code"),
        "shift-jis": lambda d: (d / "relu_layer.py").write_bytes("# 名前\nclass Relu: pass\n".encode("cp932")),
        "link-out": lambda d: (d / "relu_layer.py").symlink_to("/etc/passwd"),
        "huge": lambda d: os.truncate(_touch(d / "relu_layer.py"), 1 << 30),
        "odd name ☃ (1)": lambda d: (d / "relu_layer.py").write_text(SOLUTION, encoding="utf-8"),
        "kills-its-grader": lambda d: (d / "relu_layer.py").write_text(
            "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n"
        ),
        "empty": lambda d: None,
    }
    statuses = {"odd name ☃ (1)": "pass"}
    for name, make in bad.items():
        (root / name).mkdir()
        make(root / name)
        expected[name] = statuses.get(name, "error")
    (root / "linked-folder").symlink_to(root / "learner-00")
    expected["linked-folder"] = "error"
    (root / "README.txt").write_text("a file beside the folders is not a submission")
    return expected


def _touch(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def read(out: Path, name: str) -> dict:
    return json.loads(batch.results_path(out, name).read_text(encoding="utf-8"))


def test_a_class_with_bad_submissions_among_good_ones(cli, tmp_path):
    expected = make_class(tmp_path / "class")
    out = tmp_path / "results"
    result = cli("grade-batch", tmp_path / "class", "--out", out, "--problems", "relu_layer", "--jobs", "2")
    assert result.exit_code == 0
    n = len(expected)
    assert result.stdout == (
        f"{n} submissions (share 0/1): {n} graded, 0 skipped (already graded), 0 failed while grading. Results: {out}\n"
    )
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.json" for name in expected)
    got = {name: read(out, name)["status"] for name in expected}
    assert got == expected
    lines = {name: read(out, name)["message"].splitlines()[0] for name in expected if expected[name] == "error"}
    assert lines == {
        "missing-file": "relu_layer: 0/6 points — error (the submission has no exercises/02_backprop/relu_layer.py "
        "(relu_layer.py at the top of the submission will do too))",
        "shift-jis": "relu_layer: 0/6 points — error (relu_layer.py is saved in Shift_JIS (cp932), not UTF-8: "
        "save it as UTF-8 and grade again)",
        "link-out": "relu_layer: 0/6 points — error (relu_layer.py is a link to a place outside the submission: "
        "submit the file itself)",
        "huge": "relu_layer: 0/6 points — error (relu_layer.py is larger than 4 MB, more than a file drill grades)",
        # another user: it cannot signal drill's processes
        "kills-its-grader": "relu_layer: 0/6 points — error (PermissionError: [Errno 1] Operation not permitted "
        "(relu_layer.py:2: os.kill(os.getppid(), signal.SIGKILL)))",
        "empty": "relu_layer: 0/6 points — error (the submission has no exercises/02_backprop/relu_layer.py "
        "(relu_layer.py at the top of the submission will do too))",
        "linked-folder": "the submission linked-folder is a link: put the folder itself",
    }


def test_a_worker_that_dies_still_leaves_a_result_and_the_others_go_on(tmp_path, monkeypatch):
    make_class(tmp_path / "class", good=3)
    real = autograde.grade_submission

    def dies_on_learner_01(folder, *args, **kwargs):
        if folder.name == "learner-01":
            os._exit(9)  # the worker process, as an out-of-memory kill would leave it
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(autograde, "grade_submission", dies_on_learner_01)
    out = tmp_path / "results"
    with zygote.Zygote(zygote.identity(None, allow_same_user=True)) as running:
        zygote.activate(running)
        try:
            summary = batch.run(tmp_path / "class", out, ["relu_layer"], "drill", "en", 2)
        finally:
            zygote.activate(None)
    assert summary.failed == ("learner-01",)
    assert read(out, "learner-01")["message"] == (
        "the process grading this submission ended early (the process exited with code 9 before finishing)"
    )
    assert read(out, "learner-00")["status"] == "pass" and read(out, "learner-02")["status"] == "pass"


def test_a_rerun_skips_what_is_done_and_a_regrade_writes_the_same_bytes(cli, tmp_path):
    make_class(tmp_path / "class", good=4)
    out = tmp_path / "results"
    args = ("grade-batch", tmp_path / "class", "--out", out, "--problems", "relu_layer")
    assert cli(*args).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = cli(*args)
    assert f"0 graded, {len(before)} skipped" in again.stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == mtimes  # not touched
    for name in ("learner-00.json", "learner-01.json", "shift-jis.json"):
        (out / name).unlink()
    assert "3 graded" in cli(*args).stdout
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_shards_are_disjoint_and_their_union_is_everything(tmp_path):
    expected = make_class(tmp_path / "class", good=10)
    seen: list[str] = []
    for index in range(3):
        summary = batch.run(tmp_path / "class", tmp_path / f"out-{index}", ["relu_layer"], "drill", "en", 2, (index, 3))
        assert {p.stem for p in (tmp_path / f"out-{index}").iterdir()} == set(summary.names)
        seen += summary.names
    assert sorted(seen) == sorted(expected)  # each name once: disjoint, and nothing left out
    # a new learner does not move anyone else to another shard
    before = {n: batch.shard_of(n, 3) for n in expected}
    (tmp_path / "class" / "learner-new").mkdir()
    assert {n: batch.shard_of(n, 3) for n in expected} == before


@pytest.mark.parametrize(
    ("value", "env", "shard"),
    [
        ("2/4", {}, (2, 4)),
        ("auto/4", {"JOB_COMPLETION_INDEX": "3"}, (3, 4)),
        ("auto/4", {"AWS_BATCH_JOB_ARRAY_INDEX": "1"}, (1, 4)),
        ("auto/4", {"SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "4"}, (1, 4)),
        ("auto/2", {"DRILL_SHARD_INDEX": "0"}, (0, 2)),
        (None, {}, (0, 1)),
    ],
)
def test_the_shard_index_comes_from_the_engine(value, env, shard):
    assert batch.parse_shard(value, env) == shard


@pytest.mark.parametrize("value", ["4/4", "-1/4", "a/4", "1/0", "1", "1/x"])
def test_a_bad_shard_says_what_it_must_be(value):
    with pytest.raises(UsageError) as caught:
        batch.parse_shard(value, {})
    assert caught.value.text("en") == f"--shard must be I/N with 0 <= I < N (I may be auto): {value}"


def test_auto_without_an_index_names_the_variables(cli, tmp_path):
    (tmp_path / "c").mkdir()
    result = cli("grade-batch", tmp_path / "c", "--out", tmp_path / "o", "--shard", "auto/4")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --shard auto/N, but no array index variable is set (JOB_COMPLETION_INDEX, "
        "AWS_BATCH_JOB_ARRAY_INDEX, SLURM_ARRAY_TASK_ID, DRILL_SHARD_INDEX)\n"
    )


def test_collect_makes_one_gradebook(cli, tmp_path):
    make_class(tmp_path / "class", good=4)
    out = tmp_path / "results"
    cli("grade-batch", tmp_path / "class", "--out", out, "--problems", "relu_layer")
    (out / "notes.json").write_text('{"not": "ours"}')
    result = cli("collect", out, "--csv")
    assert result.exit_code == 0
    assert result.stderr == "notes.json: not a drill results file (grade with --format drill)\n"
    rows = result.stdout.splitlines()
    assert rows[0] == "submission_id,relu_layer,total,max,status"
    assert "learner-00,6,6,6,pass" in rows and "learner-01,3,3,6,fail" in rows
    assert "kills-its-grader,0,0,6,error" in rows
    book = json.loads(cli("collect", out, "--json").stdout)
    assert book["problems"] == ["relu_layer"] and book["max_points"] == {"relu_layer": 6}
    assert [r["submission_id"] for r in book["learners"]] == sorted(r["submission_id"] for r in book["learners"])
    both = cli("collect", out, "--csv", "--json")
    assert both.exit_code == 2 and both.stderr.endswith("Error: give --csv or --json, not both\n")


def test_grade_batch_in_japanese(cli, tmp_path):
    make_class(tmp_path / "class", good=2)
    out = tmp_path / "r"
    result = cli("--lang", "ja", "grade-batch", tmp_path / "class", "--out", out, "--problems", "relu_layer")
    assert result.exit_code == 0
    n = len(list((tmp_path / "class").iterdir())) - 1  # README.txt is not a submission
    assert result.stdout.splitlines()[0] == (
        f"{n} 件の提出（分担 0/1）: {n} 件を採点、0 件は採点済みで省略、0 件は採点の途中で失敗。結果: {out}"
    )
    assert read(out, "learner-01")["problems"][0]["checks"][0]["diagnosis"].startswith("0/1 を返しています")


# -- the manifests in docs/, their command lines run here


def drill_on_path(tmp_path: Path) -> dict:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "drill").write_text(f'#!/bin/sh\nexec {sys.executable} -m grader "$@"\n')
    (bin_dir / "drill").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DRILL_")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    return env


def test_the_kubernetes_indexed_job_grades_the_class(tmp_path):
    job = yaml.safe_load((REPO / "docs" / "k8s-indexed-job.yaml").read_text(encoding="utf-8"))
    assert job["kind"] == "Job" and job["spec"]["completionMode"] == "Indexed"
    count = job["spec"]["completions"]
    container = job["spec"]["template"]["spec"]["containers"][0]
    assert container["command"] == ["sh", "-c"]
    expected = make_class(tmp_path / "data" / "submissions", good=6)
    env = drill_on_path(tmp_path)
    env.update({e["name"]: e["value"] for e in container["env"]})
    env.update(SUBMISSIONS=str(tmp_path / "data" / "submissions"), RESULTS=str(tmp_path / "data" / "results"))
    env["PROBLEMS"] = "relu_layer"  # the manifest's list names problems this class did not do
    for index in range(count):  # each pod of the job, with its index as Kubernetes sets it
        pod = subprocess.run(
            ["sh", "-c", *container["args"]],
            env={**env, "JOB_COMPLETION_INDEX": str(index)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert pod.returncode == 0, pod.stderr
        assert f"件の提出（分担 {index}/{count}）" in pod.stdout  # the manifest asks for Japanese
    assert sorted(p.stem for p in (tmp_path / "data" / "results").iterdir()) == sorted(expected)


def test_the_github_actions_matrix_grades_and_collects(tmp_path):
    workflow = yaml.safe_load((REPO / "docs" / "github-actions-matrix.yml").read_text(encoding="utf-8"))
    shards = workflow["jobs"]["grade"]["strategy"]["matrix"]["shard"]
    step = next(s for s in workflow["jobs"]["grade"]["steps"] if s.get("name") == "Grade this shard")
    merge = next(s for s in workflow["jobs"]["gradebook"]["steps"] if s.get("name") == "Merge the results")
    expected = make_class(tmp_path / "submissions", good=6)
    env = {**drill_on_path(tmp_path), **workflow["env"], "PROBLEMS": "relu_layer"}
    for shard in shards:  # each matrix job, its ${{ matrix.shard }} filled in as Actions does
        script = re.sub(r"\$\{\{\s*matrix\.shard\s*\}\}", str(shard), step["run"])
        done = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    done = subprocess.run(["bash", "-e", "-c", merge["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    rows = (tmp_path / "gradebook.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "submission_id,relu_layer,total,max,status"
    assert sorted(r.split(",")[0].strip('"') for r in rows[1:]) == sorted(expected)
