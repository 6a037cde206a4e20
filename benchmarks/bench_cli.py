"""Start-up and grading time of `drill`, as ratios to what Click (and numpy) cost, measured in the same run.

Usage: python benchmarks/bench_cli.py [--runs N] [--old PYTHON]
Prints one table: median seconds of each command over N interleaved rounds, its baseline's, the
milliseconds over it, the ratio and the target; then peak memory and the catalog self-check's time
(2 worker processes, and 1 as its baseline).
Click is part of the product, so a command's floor is `python -c "import click"` (and a code grade's
`python -c "import numpy, click"`). With --old, the same commands of another installed drill (the
PYTHON of its virtualenv, run as `PYTHON -m grader`, in a workspace of its own) are timed in the same
interleaved rounds, and a second table gives new/old per command (target: none more than 5% slower).
No thresholds fail the run: machines are noisy; read the table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def drill_cmd() -> list[str]:
    found = shutil.which("drill")
    return [found] if found else [sys.executable, "-m", "grader"]


def run_once(cmd: list[str], env: dict, cwd: Path) -> float:
    """Wall time of one run of `cmd`; a command that does not exit 0 stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(
            f"benchmark command failed (exit {done.returncode}): {' '.join(cmd)}\n"
            f"{done.stderr.decode(errors='replace')[-2000:]}"
        )
    return seconds


def peak_rss_mib(cmd: list[str], env: dict, cwd: Path) -> float:
    """The largest resident set of any process of one run of `cmd` (run under a fresh interpreter,
    so nothing measured before counts)."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *cmd], cwd=cwd, env=env, capture_output=True, text=True, check=True
    ).stdout
    return int(out.strip()) / 1024


def interleaved_medians(commands: dict[str, list[str]], runs: int, env: dict, cwd: Path) -> dict[str, float]:
    """Median wall time of each command over `runs` rounds, each round running every command once,
    after one untimed round (bytecode and file caches warm, as in the edit-grade loop). Interleaved,
    a machine that slows down or speeds up during the run moves a command and its baseline alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, cmd in commands.items():
            seconds = run_once(cmd, env, cwd)
            if round_:
                times[name].append(seconds)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs per command (median is reported)")
    parser.add_argument(
        "--old",
        metavar="PYTHON",
        default=None,
        help="the python of a virtualenv with an older drill installed, timed alongside",
    )
    args = parser.parse_args()
    drill = drill_cmd()
    env = dict(os.environ, NO_COLOR="1", DRILL_LANG="en")
    env.pop("DRILL_WORKSPACE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a learner's Python caches bytecode; so do we here
    solution = REPO / "solutions" / "02_backprop" / "affine_backward.py"
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        subprocess.run([*drill, "init", str(ws)], env=env, check=True, stdout=subprocess.DEVNULL)
        shutil.copyfile(solution, ws / "exercises" / "02_backprop" / "affine_backward.py")
        py = sys.executable
        click_floor, numpy_floor, sympy_floor = (
            "python -c 'import click'",
            "python -c 'import numpy, click'",
            "python -c 'import sympy'",
        )
        baselines = {
            "python -c pass": [py, "-c", "pass"],
            click_floor: [py, "-c", "import click"],
            numpy_floor: [py, "-c", "import numpy, click"],
            sympy_floor: [py, "-c", "import sympy"],
        }
        rows = [  # (name, drill's words, baseline, target ratio)
            ("drill next", ["next"], click_floor, 1.5),
            ("drill list", ["list"], click_floor, 2.0),
            ("drill show affine_backward", ["show", "affine_backward"], click_floor, 1.5),
            ("drill hint affine_backward", ["hint", "affine_backward"], click_floor, 1.5),
            ("drill grade affine_backward (solution)", ["grade", "affine_backward"], numpy_floor, 1.6),
            ("drill grade d_tanh_expr --answer", ["grade", "d_tanh_expr", "--answer", "1/cosh(x)^2"], sympy_floor, 1.3),
        ]
        commands = {name: [*drill, *words] for name, words, *_ in rows}
        if args.old:  # the old drill in a workspace (and history) of its own
            old = [args.old, "-m", "grader"]
            old_ws = Path(tmp) / "old-ws"
            subprocess.run([*old, "init", str(old_ws)], env=env, check=True, stdout=subprocess.DEVNULL)
            shutil.copyfile(solution, old_ws / "exercises" / "02_backprop" / "affine_backward.py")
            commands.update({f"(old) {name}": [*old, "--workspace", str(old_ws), *words] for name, words, *_ in rows})
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(
            f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load:.2f} at the start; "
            f"median of {args.runs} interleaved rounds"
        )
        medians = interleaved_medians({**baselines, **commands}, args.runs, env, ws)
        print(
            f"{'command':42} {'median s':>9} {'baseline':32} {'base s':>7} {'+ms':>6} {'ratio':>6} "
            f"{'target':>7}  result"
        )
        for name, _, base_name, target in rows:
            seconds, base = medians[name], medians[base_name]
            ratio = seconds / base
            print(
                f"{name:42} {seconds:9.3f} {base_name:32} {base:7.3f} {(seconds - base) * 1000:6.0f} "
                f"{ratio:6.2f} {target:6.1f}x  {'PASS' if ratio <= target else 'MISS'}"
            )
        base = medians["python -c pass"]
        print(
            f"{'(reference) ' + click_floor:42} {medians[click_floor]:9.3f} {'python -c pass':32} {base:7.3f} "
            f"{(medians[click_floor] - base) * 1000:6.0f} {medians[click_floor] / base:6.2f}"
        )
        if args.old:
            print(f"\n{'command':42} {'old s':>9} {'new s':>9} {'new/old':>8}  result (target <= 1.05)")
            for name, *_ in rows:
                before, after = medians[f"(old) {name}"], medians[name]
                print(
                    f"{name:42} {before:9.3f} {after:9.3f} {after / before:8.3f}  "
                    f"{'PASS' if after / before <= 1.05 else 'MISS'}"
                )
            print()
        for name, *_ in rows[4:]:  # the two grades
            peak = peak_rss_mib(commands[name], env, ws)
            label = "peak RSS, " + name.split(" (")[0].replace(" --answer", "")
            print(
                f"{label:42} {peak:9.1f} MiB, its largest process (target ≤ 150 MiB)  "
                f"{'PASS' if peak <= 150 else 'MISS'}"
            )
        # the catalog self-check, one process grading every stub and solution vs 2 worker processes
        # (drill dev check's default), in the same run
        took = {}
        for jobs in ("1", "2"):
            start = time.perf_counter()
            done = subprocess.run(
                [*drill, "--workspace", str(REPO), "dev", "check", "--jobs", jobs],
                env=env,
                capture_output=True,
                check=False,
            )
            took[jobs] = time.perf_counter() - start
        summary = done.stdout.decode(errors="replace").strip().splitlines()[:1]
        print(
            f"{'drill dev check (whole catalog, --jobs 2)':42} {took['2']:9.1f} s (target ≤ 45 s)  "
            f"{'PASS' if took['2'] <= 45 else 'MISS'}  [{summary[0] if summary else done.returncode}]"
        )
        print(f"{'drill dev check --jobs 1 (baseline)':42} {took['1']:9.1f} s, ratio {took['1'] / took['2']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
