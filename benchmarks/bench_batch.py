"""Throughput of `drill grade-batch` against a loop of `drill grade` processes, measured in the same run.

Usage: python benchmarks/bench_batch.py [--submissions 200] [--loop-sample 10] [--rounds 2] [--jobs 2]
It writes a class of generated submissions (each learner: 5 code problems, right or wrong answers
drawn per learner) and, in interleaved rounds, times (a) `drill grade-batch` on the whole class, in
course mode when run as root (learner code as nobody, from the zygote), and (b) the baseline: one
`drill grade ID` process per (learner, problem), as a course's loop would run it, on the first
`--loop-sample` learners (the loop's rate per grade does not depend on how many it does). Prints each
one's grades per second (median over the rounds) and the ratio; the target is 10x. No threshold
fails the run: machines are noisy; read the table.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROBLEMS = ("relu_layer", "sigmoid_layer", "softmax_with_loss", "cross_entropy_error", "affine_backward")
TARGET = 10.0


def drill_cmd() -> list[str]:
    found = shutil.which("drill")
    return [found] if found else [sys.executable, "-m", "grader"]


def answers() -> dict[str, list[str]]:
    """Per problem: the reference solution and the kept wrong answers (what learners hand in)."""
    sys.path.insert(0, str(REPO))
    from grader import autograde

    catalog = autograde.course_catalog()
    found = {}
    for problem_id in PROBLEMS:
        problem = catalog.get(problem_id)
        texts = [(REPO / problem.solution).read_text(encoding="utf-8")]
        wrong = REPO / "tests" / "wrong" / problem_id
        texts += [p.read_text(encoding="utf-8") for p in sorted(wrong.glob("*.py"))] if wrong.is_dir() else []
        found[problem_id] = texts
    return found


def make_class(root: Path, n: int, seed: int = 0) -> list[tuple[str, str, str]]:
    """n learners' folders; [(learner, problem, file text)] in grading order."""
    rng = random.Random(seed)
    pool = answers()
    work = []
    for i in range(n):
        learner = f"learner-{i:04d}"
        (root / learner).mkdir(parents=True)
        for problem_id in PROBLEMS:
            text = pool[problem_id][0] if rng.random() < 0.5 else rng.choice(pool[problem_id])
            (root / learner / f"{problem_id}.py").write_text(text, encoding="utf-8")
            work.append((learner, problem_id, text))
    return work


def time_batch(drill: list[str], root: Path, out: Path, jobs: int, env: dict) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [*drill, "grade-batch", str(root), "--out", str(out), "--problems", ",".join(PROBLEMS), "--jobs", str(jobs)]
        + ([] if os.geteuid() == 0 else ["--allow-same-user"]),
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def time_loop(drill: list[str], work: list[tuple[str, str, str]], ws: Path, env: dict) -> float:
    """One `drill grade ID` process per (learner, problem), one after another, in one workspace."""
    from grader import autograde

    catalog = autograde.course_catalog()
    start = time.perf_counter()
    for _, problem_id, text in work:
        (ws / catalog.get(problem_id).file).write_text(text, encoding="utf-8")
        subprocess.run([*drill, "grade", problem_id], cwd=ws, env=env, stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--loop-sample", type=int, default=10, help="learners the loop baseline grades")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    drill = drill_cmd()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DRILL_")}
    env.update(DRILL_LANG="en", NO_COLOR="1")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        work = make_class(tmp_path / "class", args.submissions)
        sample = work[: args.loop_sample * len(PROBLEMS)]
        subprocess.run([*drill, "init", str(tmp_path / "ws")], env=env, check=True, stdout=subprocess.DEVNULL)
        batch_rates, loop_rates = [], []
        for _ in range(args.rounds):  # interleaved: a slow moment of the machine hits both
            loop_rates.append(len(sample) / time_loop(drill, sample, tmp_path / "ws", env))
            batch_rates.append(len(work) / time_batch(drill, tmp_path / "class", tmp_path / "out", args.jobs, env))
        results = sorted((tmp_path / "out").glob("*.json"))
        assert len(results) == args.submissions, f"{len(results)} results for {args.submissions} submissions"
    batch, loop = statistics.median(batch_rates), statistics.median(loop_rates)
    mode = "course mode (learner code as nobody)" if os.geteuid() == 0 else "--allow-same-user"
    print(f"{args.submissions} submissions x {len(PROBLEMS)} code problems, --jobs {args.jobs}, {os.cpu_count()} cores")
    rows = [(f"drill grade-batch, {mode}", batch), ("loop of drill grade processes", loop)]
    width = max(len(label) for label, _ in rows) + 2
    print(f"{'':<{width}}{'grades/s':>10}")
    for label, rate in rows:
        print(f"{label:<{width}}{rate:>10.1f}")
    print(f"ratio {batch / loop:.1f}x (target {TARGET:g}x)")


if __name__ == "__main__":
    main()
