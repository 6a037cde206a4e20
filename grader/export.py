"""`drill export`: what a course's engine needs to run `drill autograde` on its own machines.

- `gradescope(problems, lang, out)`: Gradescope's autograder zip. At its root, `setup.sh` (installs drill
  from the `drill/` source folder in the zip, into a venv at /opt/drill) and `run_autograder` (grades
  `$AUTOGRADER_ROOT/submission`, default /autograder, seeded by the id in submission_metadata.json,
  and writes `results/results.json`); `drill/` holds drill's package, its catalog, stubs and
  solutions and its pyproject.toml, as installed here.
- `classroom(problems, lang, out_dir, install)`: a GitHub Classroom workflow
  (`.github/workflows/classroom.yml`: one step runs `drill autograde . --format classroom` and hands
  the result to Classroom's grading reporter) and the older `.github/classroom/autograding.json`
  (one test per problem, all or nothing).

Every file is written from here; nothing in the learner's reach is read. The problem ids are checked
against the catalog by the caller.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from grader.catalog import Problem

VENV = "/opt/drill"

SETUP_SH = """#!/usr/bin/env bash
# setup.sh, written by `drill export gradescope`: installs drill for run_autograder.
set -euo pipefail
if ! python3 -m venv --help >/dev/null 2>&1; then
    apt-get update
    apt-get install -y python3 python3-venv python3-pip
fi
python3 -m venv {venv}
{venv}/bin/python -m pip install --upgrade pip
{venv}/bin/python -m pip install /autograder/source/drill
# the reference solutions and hidden tests are for drill, not for the learner's code (which runs as
# another user in course mode)
chmod -R go-rwx /autograder/source
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# run_autograder, written by `drill export gradescope`: grades /autograder/submission and writes
# /autograder/results/results.json. AUTOGRADER_ROOT and DRILL replace /autograder and the drill
# command (for a test run outside Gradescope's container).
set -u
root="${{AUTOGRADER_ROOT:-/autograder}}"
drill="${{DRILL:-{venv}/bin/drill}}"
submission_id="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("id", ""))' \\
    "$root/submission_metadata.json" 2>/dev/null || true)"
mkdir -p "$root/results"
exec $drill --lang {lang} autograde "$root/submission" --format gradescope \\
    --out "$root/results/results.json" --problems {problems} --submission-id "${{submission_id:-unknown}}"
"""

WORKFLOW = """# written by `drill export classroom`: grades the learner's repository with drill on every push
# and hands the result to GitHub Classroom's grading reporter.
name: Autograding Tests
"on":
  - push
  - repository_dispatch
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    steps:
      - name: Checkout code
        uses: actions/checkout@v4
      - name: Set up Python
        uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - name: Install drill
        run: python -m pip install {install}
      - name: drill
        id: drill
        run: |
          {grade}
      - name: Autograding Reporter
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
          DRILL_RESULTS: "${{{{ steps.drill.outputs.result }}}}"
        with:
          runners: drill
"""

# the step's script: grade, then the result base64-encoded as the reporter reads it
GRADE_STEP = (
    'drill --lang {lang} autograde . --format classroom --out "$RUNNER_TEMP/drill.json" '
    '--problems {problems} --submission-id "$GITHUB_REPOSITORY" && '
    'echo "result=$(base64 -w0 "$RUNNER_TEMP/drill.json")" >> "$GITHUB_OUTPUT"'
)


# exit 0 when drill's results file says pass: the older Classroom tests score by exit code
PASSED = 'import json, sys; sys.exit(json.load(open("{file}"))["status"] != "pass")'


def _ids(problems: list[Problem]) -> str:
    return ",".join(p.id for p in problems)


def _course_files(course: Path) -> list[tuple[Path, str]]:
    """(source, path inside drill/) for the source folder `pip install` builds drill from."""
    import grader

    package = Path(grader.__file__).resolve().parent
    files: list[tuple[Path, str]] = []
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package)
        if path.is_file() and "__pycache__" not in rel.parts and rel.parts[0] != "_course":
            files.append((path, f"grader/{rel.as_posix()}"))
    for name in ("pyproject.toml", "README.md", "problems.yaml"):
        files.append((course / name, name))
    for folder in ("exercises", "solutions"):
        for path in sorted((course / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                files.append((path, path.relative_to(course).as_posix()))
    return files


def gradescope(problems: list[Problem], lang: str, out: Path) -> list[str]:
    """Write Gradescope's autograder zip to `out`; the names at its root."""
    import zipfile

    from grader import workspace

    course = workspace.course_dir()
    missing = [name for name in ("pyproject.toml", "README.md") if not (course / name).is_file()]
    if missing:
        from grader.errors import WorkspaceError
        from grader.texts import Text

        raise WorkspaceError(
            Text(
                "この drill のインストールには {names} がありません。drill のソースから入れ直してください。",
                "this drill installation has no {names}: reinstall it from drill's source",
            ).fill(names=", ".join(missing))
        )
    scripts = {
        "setup.sh": SETUP_SH.format(venv=VENV),
        "run_autograder": RUN_AUTOGRADER.format(venv=VENV, lang=lang, problems=shlex.quote(_ids(problems))),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in scripts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.external_attr = 0o100755 << 16  # executable, as Gradescope runs them
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text)
        for source, rel in _course_files(course):
            zf.write(source, f"drill/{rel}")
    return sorted({*scripts, "drill/"})


def classroom(problems: list[Problem], lang: str, out_dir: Path, install: str) -> list[Path]:
    """Write the GitHub Classroom workflow and autograding.json under `out_dir`; the files written."""
    import json

    ids = shlex.quote(_ids(problems))
    grade = GRADE_STEP.format(lang=lang, problems=ids)
    workflow = out_dir / ".github" / "workflows" / "classroom.yml"
    workflow.parent.mkdir(parents=True, exist_ok=True)
    workflow.write_text(WORKFLOW.format(install=shlex.quote(install), grade=grade), encoding="utf-8")
    tests = [
        {
            "name": p.id,
            "setup": f"python -m pip install {shlex.quote(install)}",
            "run": (
                f"drill --lang {lang} autograde . --format drill --out /tmp/drill-{p.id}.json --problems {p.id} && "
                f"python -c {shlex.quote(PASSED.format(file=f'/tmp/drill-{p.id}.json'))}"
            ),
            "input": "",
            "output": "",
            "comparison": "included",
            "timeout": 10,
            "points": int(p.points),
        }
        for p in problems
    ]
    autograding = out_dir / ".github" / "classroom" / "autograding.json"
    autograding.parent.mkdir(parents=True, exist_ok=True)
    autograding.write_text(json.dumps({"tests": tests}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [workflow, autograding]
