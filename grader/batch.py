"""`drill grade-batch` and `drill collect`: a folder of submissions graded on one machine, or a share of
it on each task of someone else's job array; then one gradebook.

Each sub-folder of the batch folder is one submission; its name is the submission id (the seed of
its numbers) and names its results file, `<out>/<name>.json`, written atomically. A rerun skips the
submissions whose file exists, so an interrupted job goes on where it stopped and finished files never
change; batch results carry no timings, so a regrade writes the same bytes. `--shard I/N` takes the
submissions whose name hashes to I modulo N: the shards are disjoint, their union is everything, and
a submission keeps its shard when others are added. I may be `auto`: the array index the engine gives
(Kubernetes Indexed Jobs' JOB_COMPLETION_INDEX, AWS Batch's AWS_BATCH_JOB_ARRAY_INDEX, Slurm's
SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN, or DRILL_SHARD_INDEX).

The parent imports numpy, the catalog and the problems' hidden modules once, then forks one worker
per submission (at most `jobs` at a time); the worker grades (each learner file in its own sandboxed
process, as always) and writes the file. A worker that dies or overruns still leaves a results file
with status error, and the others go on.
"""

from __future__ import annotations

import os
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from grader.errors import UsageError
from grader.texts import Text

if TYPE_CHECKING:
    from grader.autograde import SubmissionResult
    from grader.catalog import Catalog

ARRAY_INDEX = ("JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX", "SLURM_ARRAY_TASK_ID", "DRILL_SHARD_INDEX")
SLACK_S = 30.0  # beyond the problems' own timeouts, before a worker is stopped

BAD_SHARD = Text(
    "--shard は I/N の形で、0 ≤ I < N にしてください（I は auto でも構いません）: {value}",
    "--shard must be I/N with 0 <= I < N (I may be auto): {value}",
)
NO_INDEX = Text(
    "--shard auto/N ですが、配列ジョブの番号の環境変数（{names}）がありません",
    "--shard auto/N, but no array index variable is set ({names})",
)
NOT_A_BATCH = Text("{root} はフォルダではありません", "{root} is not a folder")
A_LINK = Text(
    "提出 {name} はリンクです。フォルダそのものを置いてください",
    "the submission {name} is a link: put the folder itself",
)
WORKER_DIED = Text(
    "この提出を採点するプロセスが途中で終わりました（{how}）", "the process grading this submission ended early ({how})"
)
WORKER_SLOW = Text(
    "この提出の採点が {t:g} 秒以内に終わりませんでした", "grading this submission did not finish within {t:g} s"
)


@dataclass(frozen=True)
class BatchSummary:
    """What one `grade-batch` run did: submissions in its shard, graded now, skipped (done before), and
    those whose worker failed (their files say so)."""

    shard: tuple[int, int]
    names: tuple[str, ...]
    graded: tuple[str, ...]
    skipped: tuple[str, ...]
    failed: tuple[str, ...]


def parse_shard(value: str | None, environ: Mapping[str, str] | None = None) -> tuple[int, int]:
    """(index, count) from `I/N` or `auto/N` (the index from the engine's array variable)."""
    if value is None:
        return 0, 1
    env: Mapping[str, str] = os.environ if environ is None else environ
    index_text, _, count_text = value.partition("/")
    try:
        count = int(count_text)
        if index_text == "auto":
            name = next((n for n in ARRAY_INDEX if env.get(n, "").strip()), None)
            if name is None:
                raise UsageError(NO_INDEX.fill(names=", ".join(ARRAY_INDEX)))
            index = int(env[name])
            if name == "SLURM_ARRAY_TASK_ID":
                index -= int(env.get("SLURM_ARRAY_TASK_MIN", "0") or 0)
        else:
            index = int(index_text)
    except ValueError:
        raise UsageError(BAD_SHARD.fill(value=value)) from None
    if count < 1 or not 0 <= index < count:
        raise UsageError(BAD_SHARD.fill(value=value))
    return index, count


def shard_of(name: str, count: int) -> int:
    return zlib.crc32(name.encode("utf-8", "surrogateescape")) % count


def submissions(root: Path) -> list[str]:
    """The submission folders' names (links too: they get an error result), sorted."""
    if not root.is_dir():
        raise UsageError(NOT_A_BATCH.fill(root=root))
    return sorted(e.name for e in os.scandir(root) if e.is_symlink() or e.is_dir(follow_symlinks=False))


def results_path(out: Path, name: str) -> Path:
    return out / f"{name}.json"


def without_timings(result: SubmissionResult) -> SubmissionResult:
    """`result` with every duration 0, so that a regrade writes the same bytes."""
    graded = tuple(replace(g, result=replace(g.result, duration_s=0.0)) for g in result.graded)
    return replace(result, graded=graded, duration_s=0.0)


def _grade_one(
    root: Path,
    name: str,
    out: Path,
    ids: list[str],
    fmt: str,
    lang: str,
    catalog: Catalog,
    files: Mapping[str, str] | None = None,
) -> None:
    """Grade the submission `name` and write its results file (in a worker process)."""
    from grader import autograde, resultformats
    from grader.errors import DrillError

    folder = root / name
    try:
        if folder.is_symlink():
            result = autograde.failed(name, A_LINK.format(lang, name=name), lang)
        else:
            result = autograde.grade_submission(folder, ids, name, lang, catalog, files)
    except DrillError as exc:
        result = autograde.failed(name, exc.text(lang), lang)
    resultformats.write(results_path(out, name), resultformats.render(without_timings(result), fmt))


def _write_failure(out: Path, name: str, message: str, fmt: str, lang: str) -> None:
    from grader import autograde, resultformats

    resultformats.write(results_path(out, name), resultformats.render(autograde.failed(name, message, lang), fmt))


def _warm(catalog: Catalog, ids: list[str]) -> None:
    """Import what every worker needs once, here, so each fork starts warm."""
    import importlib

    import numpy  # noqa: F401

    from grader import grading  # noqa: F401

    for problem in catalog.problems:
        if problem.is_code and (not ids or problem.id in ids):
            importlib.import_module(f"grader.hidden.{problem.id}")


def run(
    root: Path,
    out: Path,
    problem_ids: list[str],
    fmt: str,
    lang: str,
    jobs: int = 2,
    shard: tuple[int, int] = (0, 1),
    catalog: Catalog | None = None,
    files: Mapping[str, str] | None = None,
) -> BatchSummary:
    """Grade the submissions of `root` in this shard whose results file in `out` does not exist yet."""
    from grader import autograde
    from grader.sandbox.processes import wait_status_text

    catalog = catalog if catalog is not None else autograde.course_catalog()
    names = [n for n in submissions(root) if shard_of(n, shard[1]) == shard[0]]
    out.mkdir(parents=True, exist_ok=True)
    todo = [n for n in names if not results_path(out, n).exists()]
    skipped = [n for n in names if n not in todo]
    asked = [catalog.get(i) for i in problem_ids] if problem_ids else list(catalog.problems)
    limit = sum(p.timeout for p in asked if p is not None and p.is_code) + SLACK_S
    _warm(catalog, problem_ids)
    running: dict[int, tuple[str, float]] = {}
    failed: list[str] = []
    queue = list(todo)
    # forked here rather than through a process pool: a pool's worker lives on, so a learner's grade
    # could leave state (imports, signal handlers, a stuck thread) for the next submission, and a worker
    # that dies or overruns would take the pool with it; one fork per submission starts each from the
    # warm parent and is killed alone (its deadline below)
    while queue or running:
        while queue and len(running) < max(jobs, 1):
            name = queue.pop(0)
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the worker
                code = 0
                try:
                    _grade_one(root, name, out, problem_ids, fmt, lang, catalog, files)
                except BaseException:  # noqa: BLE001 - the parent writes the failure
                    code = 1
                os._exit(code)
            running[pid] = (name, time.monotonic() + limit)
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            now = time.monotonic()
            for late, (name, deadline) in list(running.items()):
                if now > deadline:
                    os.kill(late, 9)
                    os.waitpid(late, 0)
                    del running[late]
                    failed.append(name)
                    _write_failure(out, name, WORKER_SLOW.format(lang, t=limit), fmt, lang)
            time.sleep(0.005)
            continue
        if pid not in running:
            continue  # not ours (a learner process adopted by no one)
        name, _ = running.pop(pid)
        if status != 0 or not results_path(out, name).exists():
            failed.append(name)
            _write_failure(out, name, WORKER_DIED.format(lang, how=wait_status_text(status)), fmt, lang)
    graded = tuple(n for n in todo if n not in failed)
    return BatchSummary(shard, tuple(names), graded, tuple(skipped), tuple(failed))


# -- the gradebook

NOT_RESULTS = Text(
    "{file}: drill の結果ファイルではありません（--format drill で採点してください）",
    "{file}: not a drill results file (grade with --format drill)",
)


@dataclass(frozen=True)
class Gradebook:
    """Learner × problem: each learner's score per problem, their total and status."""

    problems: tuple[str, ...]
    max_points: dict
    rows: tuple[dict, ...]  # submission_id, status, total, max, scores {problem: score}
    skipped: tuple[str, ...]  # files that are not drill results, with why

    def to_json(self) -> dict:
        return {"problems": list(self.problems), "max_points": self.max_points, "learners": list(self.rows)}

    def to_csv(self) -> str:
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["submission_id", *self.problems, "total", "max", "status"])
        for row in self.rows:
            scores = [row["scores"].get(p, "") for p in self.problems]
            writer.writerow(
                [row["submission_id"], *map(_cell, scores), _cell(row["total"]), _cell(row["max"]), row["status"]]
            )
        return buffer.getvalue()


def _cell(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def collect(folder: Path, lang: str) -> Gradebook:
    """The gradebook of every drill results file in `folder` (sorted by submission id)."""
    import json

    if not folder.is_dir():
        raise UsageError(NOT_A_BATCH.fill(root=folder))
    problems: list[str] = []
    max_points: dict = {}
    rows = []
    skipped = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != "drill-results":
                raise ValueError
        except (OSError, ValueError, AttributeError):
            skipped.append(NOT_RESULTS.format(lang, file=path.name))
            continue
        scores = {}
        for p in data["problems"]:
            if p["problem"] not in max_points:
                problems.append(p["problem"])
                max_points[p["problem"]] = p["max_score"]
            scores[p["problem"]] = p["score"]
        rows.append(
            {
                "submission_id": data["submission_id"],
                "status": data["status"],
                "total": data["score"],
                "max": data["max_score"],
                "scores": scores,
            }
        )
    rows.sort(key=lambda r: r["submission_id"])
    return Gradebook(tuple(problems), max_points, tuple(rows), tuple(skipped))
