"""`drill export`: the Gradescope autograder zip and the GitHub Classroom workflow, run as their
engines run them (in a temporary root instead of /autograder, with this checkout's drill)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml
from grader import autograde

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = Path(__file__).parent / "schemas"
CATALOG = autograde.course_catalog()
RELU = CATALOG.get("relu_layer")
SOLUTION = (REPO / RELU.solution).read_text(encoding="utf-8")
WRONG = SOLUTION.replace("out[self.mask] = 0", "out = (x > 0).astype(float)")


def drill_shim(tmp_path: Path) -> Path:
    """A `drill` on PATH that is this checkout's (the engines install it; the test has it)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "drill"
    shim.write_text(f'#!/bin/sh\nexec {sys.executable} -m grader "$@"\n')
    shim.chmod(0o755)
    return bin_dir


def env_with(bin_dir: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DRILL_")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env.update(extra)
    return env


def test_the_gradescope_zip_runs_as_gradescope_runs_it(cli, tmp_path):
    out = tmp_path / "autograder.zip"
    result = cli("--lang", "en", "export", "gradescope", "-o", out, "--problems", "relu_layer,conv_output_size")
    assert result.exit_code == 0
    assert result.stdout == f"wrote {out} (it grades 2 problems)\n"

    root = tmp_path / "autograder"
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        modes = {i.filename: i.external_attr >> 16 for i in zf.infolist()}
        zf.extractall(root / "source")
    assert {"setup.sh", "run_autograder"} <= set(names)  # at the zip's root, as Gradescope wants
    assert modes["setup.sh"] & 0o111 and modes["run_autograder"] & 0o111
    for rel in ("pyproject.toml", "problems.yaml", RELU.solution, "grader/hidden/relu_layer.py", "grader/cli.py"):
        assert f"drill/{rel}" in names, rel
    assert not [n for n in names if "__pycache__" in n or "/_course/" in n]
    # what pip builds drill from: every path the wheel's force-include names is in drill/
    tomllib = pytest.importorskip("tomllib")  # Python 3.11
    project = tomllib.loads((root / "source" / "drill" / "pyproject.toml").read_text(encoding="utf-8"))
    for source in project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]:
        assert (root / "source" / "drill" / source).exists(), source

    # Gradescope's harness: the submission, its metadata, then run_autograder (copied to the root)
    submission = root / "submission"
    (submission / "relu_layer.py").parent.mkdir(parents=True)
    (submission / "relu_layer.py").write_text(WRONG, encoding="utf-8")
    (root / "submission_metadata.json").write_text(json.dumps({"id": 123456, "users": [{"id": 7}]}))
    (root / "run_autograder").write_bytes((root / "source" / "run_autograder").read_bytes())
    done = subprocess.run(
        ["bash", str(root / "run_autograder")],
        env=env_with(drill_shim(tmp_path), AUTOGRADER_ROOT=str(root), DRILL="drill"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads((SCHEMAS / "gradescope.json").read_text()))
    assert data["extra_data"]["submission_id"] == "123456"
    assert data["score"] == 3  # relu's backward and gradcheck; conv_output_size has no file
    by_name = {t["name"]: t for t in data["tests"]}
    assert by_name["relu_layer: forward"]["status"] == "failed"
    assert "→ diagnosis: this returns 0/1" in by_name["relu_layer: forward"]["output"]
    assert by_name["conv_output_size: oh"]["output"].startswith("the submission has no exercises/05_cnn/")
    assert done.stdout.splitlines()[-1] == f"results written to {root / 'results' / 'results.json'}"


def test_the_classroom_workflow_runs_its_drill_step(cli, tmp_path):
    repo = tmp_path / "repo"
    install = "git+https://example.org/drill@v0.1.0"
    result = cli("export", "classroom", "-o", repo, "--problems", "relu_layer", "--install", install)
    assert result.exit_code == 0
    workflow_path = repo / ".github" / "workflows" / "classroom.yml"
    assert result.stdout == f"wrote {workflow_path}\nwrote {repo / '.github' / 'classroom' / 'autograding.json'}\n"
    workflow = yaml.safe_load(workflow_path.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["run-autograding-tests"]["steps"]
    assert [s.get("uses", s.get("run", "")).split("@")[0] for s in steps][-1] == (
        "classroom-resources/autograding-grading-reporter"
    )
    assert steps[-1]["with"]["runners"] == "drill" and "steps.drill.outputs.result" in steps[-1]["env"]["DRILL_RESULTS"]
    assert any(s.get("run") == f"python -m pip install {install}" for s in steps)
    step = next(s for s in steps if s.get("id") == "drill")

    # the learner's repository, then the step's script as the runner runs it
    (repo / RELU.file).parent.mkdir(parents=True)
    (repo / RELU.file).write_text(SOLUTION, encoding="utf-8")
    output = tmp_path / "github_output"
    env = env_with(
        drill_shim(tmp_path),
        RUNNER_TEMP=str(tmp_path),
        GITHUB_OUTPUT=str(output),
        GITHUB_REPOSITORY="course/learner-1",
    )
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    key, _, value = output.read_text().strip().partition("=")
    assert key == "result"
    data = json.loads(base64.b64decode(value))
    jsonschema.validate(data, json.loads((SCHEMAS / "classroom.json").read_text()))
    assert (data["status"], data["max_score"], sum(t["score"] for t in data["tests"])) == ("pass", 6, 6)

    # the older autograding.json: one test per problem, scored by its exit code
    tests = json.loads((repo / ".github" / "classroom" / "autograding.json").read_text())["tests"]
    assert [(t["name"], t["points"]) for t in tests] == [("relu_layer", 6)]
    assert subprocess.run(["bash", "-c", tests[0]["run"]], cwd=repo, env=env).returncode == 0
    (repo / RELU.file).write_text(WRONG, encoding="utf-8")
    assert subprocess.run(["bash", "-c", tests[0]["run"]], cwd=repo, env=env, capture_output=True).returncode == 1


def test_export_names_an_unknown_problem(cli, tmp_path):
    result = cli("export", "gradescope", "-o", tmp_path / "a.zip", "--problems", "relu_layr")
    assert result.exit_code == 2
    assert result.stderr == "Error: unknown problem 'relu_layr'. Did you mean 'relu_layer'? (drill list)\n"
    assert not (tmp_path / "a.zip").exists()
