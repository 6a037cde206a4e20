"""Start-up and grading time of `drill`, as ratios to bare Python measured in the same run.

Usage: python benchmarks/bench_cli.py [--runs N]
Prints one table: median seconds of each command, its baseline, the ratio and the target.
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


def median_seconds(cmd: list[str], runs: int, env: dict, cwd: Path) -> float:
    """Median wall time of `cmd` after one untimed run (bytecode and file caches warm, as in the
    edit-grade loop); a command that does not exit 0 stops the benchmark."""
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        if i:
            times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"benchmark command failed (exit {done.returncode}): {' '.join(cmd)}\n"
                     f"{done.stderr.decode(errors='replace')[-2000:]}")
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs per command (median is reported)")
    args = parser.parse_args()
    drill = drill_cmd()
    env = dict(os.environ, NO_COLOR="1", DRILL_LANG="en")
    env.pop("DRILL_WORKSPACE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a learner's Python caches bytecode; so do we here
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        subprocess.run([*drill, "init", str(ws)], env=env, check=True, stdout=subprocess.DEVNULL)
        course = REPO
        for pid, sub in (("affine_backward", "02_backprop"),):
            src = course / "solutions" / sub / f"{pid}.py"
            if src.is_file():
                shutil.copyfile(src, ws / "exercises" / sub / f"{pid}.py")
        py = sys.executable
        base_pass = median_seconds([py, "-c", "pass"], args.runs, env, ws)
        base_numpy = median_seconds([py, "-c", "import numpy"], args.runs, env, ws)
        base_sympy = median_seconds([py, "-c", "import sympy"], args.runs, env, ws)
        rows = [
            ("drill next", [*drill, "next"], base_pass, "python -c pass", 1.5),
            ("drill list", [*drill, "list"], base_pass, "python -c pass", 1.5),
            ("drill show affine_backward", [*drill, "show", "affine_backward"], base_pass, "python -c pass", 1.5),
            ("drill hint affine_backward", [*drill, "hint", "affine_backward"], base_pass, "python -c pass", 1.5),
            ("drill grade affine_backward (solution)", [*drill, "grade", "affine_backward"], base_numpy,
             "python -c 'import numpy'", 1.6),
            ("drill grade d_tanh_expr --answer", [*drill, "grade", "d_tanh_expr", "--answer", "1/cosh(x)^2"],
             base_sympy, "python -c 'import sympy'", 1.3),
        ]
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load:.2f} at the start; "
              f"median of {args.runs} runs each")
        print(f"{'command':42} {'median s':>9} {'baseline':26} {'base s':>7} {'+ms':>6} {'ratio':>6} "
              f"{'target':>7}  result")
        for name, cmd, base, base_name, target in rows:
            seconds = median_seconds(cmd, args.runs, env, ws)
            ratio = seconds / base
            verdict = "PASS" if ratio <= target else "MISS"
            print(f"{name:42} {seconds:9.3f} {base_name:26} {base:7.3f} {(seconds - base) * 1000:6.0f} "
                  f"{ratio:6.2f} {target:6.1f}x  {verdict}")
        # for reading the start-up rows: what importing Click alone costs over bare Python here
        click_s = median_seconds([py, "-c", "import click"], args.runs, env, ws)
        label = "(reference) python -c 'import click'"
        print(f"{label:42} {click_s:9.3f} {'python -c pass':26} "
              f"{base_pass:7.3f} {(click_s - base_pass) * 1000:6.0f} {click_s / base_pass:6.2f}")
        import resource

        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run([*drill, "grade", "affine_backward"], cwd=ws, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
        print(f"{'peak RSS, drill grade affine_backward':42} {peak:9.1f} MiB, its largest process (target ≤ 150 MiB)  "
              f"{'PASS' if peak <= 150 else 'MISS'}")
        start = time.perf_counter()
        done = subprocess.run([*drill, "--workspace", str(REPO), "dev", "check"], env=env, capture_output=True,
                              check=False)
        seconds = time.perf_counter() - start
        summary = done.stdout.decode(errors="replace").strip().splitlines()[:1]
        print(f"{'drill dev check (whole catalog)':42} {seconds:9.1f} s (target ≤ 30 s)  "
              f"{'PASS' if seconds <= 30 else 'MISS'}  [{summary[0] if summary else done.returncode}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
