"""What the trusted harness process costs: the whole cascade on bfs and histogram (their OpenMP
references) with today's verifier and with the revision before it (in-process harness), in one
run on this machine, plus the harness's per-call overhead.

    python benchmarks/verifier_integrity_cost.py [--rev REV] [--tasks bfs,histogram] [--reps 3]

Each verifier gets its own build cache, warmed by a first evaluation that is not counted; the
counted evaluation is the second. Printed: seconds per evaluation and per stage, the ratio
new/old (the target is <= 1.1), the speedup each one reports (the measurement must not move),
and the per-call overhead: the median time of a call on a one-vertex input (the hand-over of a
memfd, its mapping, the output copy and two messages, with nothing to compute).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRE_HARNESS_REV = "4844628"  # the last revision whose harness ran the candidate in its own process

MEASURE = r"""
import json, os, sys, time
from parevo import EvalConfig, evaluate, get_task
task_id, reps = sys.argv[1], int(sys.argv[2])
task = get_task(task_id)
src = task.reference_source("openmp")
cfg = EvalConfig(reps=reps, warmup=1, profile=False, compare_reference=False)
evaluate(task, src, "openmp", cfg)  # warms the build cache
t0 = time.monotonic()
r = evaluate(task, src, "openmp", cfg)
total = time.monotonic() - t0
stages = {s.stage: s.seconds for s in r.stages if s.seconds}
print(json.dumps({"status": r.status, "total": total, "stages": stages, "speedup": r.metrics.get("speedup")}))
"""

OVERHEAD = r"""
import json, statistics, sys
from parevo import EvalConfig, get_task
from parevo.toolchain.build import BuildCache
from parevo.toolchain import probe
from parevo.toolchain import models as pm
from parevo.verify.context import EvalContext
from parevo.verify.harness import CaseSpec, run_harness
task = get_task("bfs")
tc = probe.detect()
ctx = EvalContext(task, pm.get_model("serial"), task.baseline_source, tc, BuildCache(tc), EvalConfig())
lib, _ = ctx.build_program(task.baseline_source, pm.get_model("serial").flags(tc))
run = run_harness(ctx.harness().path, lib.path, [CaseSpec("single", 1, 7)], [1], ctx.limits(60), reps=200)
times = run.cases[0].times
print(json.dumps({"median_us": statistics.median(times) * 1e6, "p10_us": sorted(times)[len(times) // 10] * 1e6}))
"""


def _run(python_path: Path, code: str, args: list[str], cache: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(python_path), "PAREVO_CACHE_DIR": str(cache)}
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        raise SystemExit(f"measurement failed ({python_path}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rev", default=PRE_HARNESS_REV, help="the revision to compare with")
    ap.add_argument("--tasks", default="bfs,histogram")
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="parevo-cost-"))
    try:
        old = work / "old"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), args.rev],
                       check=True, capture_output=True)
        print(f"{'task':<10} {'verifier':<8} {'total s':>8}  stages (s)                                  speedup")
        for task in args.tasks.split(","):
            rows = {}
            for label, tree in (("old", old), ("new", ROOT)):
                r = _run(tree, MEASURE, [task, str(args.reps)], work / f"cache-{label}")
                rows[label] = r
                stages = " ".join(f"{k}={v:.1f}" for k, v in r["stages"].items())
                sp = f"{r['speedup']:.2f}x" if r.get("speedup") else r["status"]
                print(f"{task:<10} {label:<8} {r['total']:>8.1f}  {stages:<43} {sp}")
            ratio = rows["new"]["total"] / rows["old"]["total"]
            print(f"{task:<10} ratio new/old: {ratio:.2f} (target <= 1.10)")
        o = _run(ROOT, OVERHEAD, [], work / "cache-new")
        print(f"per-call overhead (bfs baseline, 1-vertex input, 200 calls): median {o['median_us']:.1f} us, "
              f"p10 {o['p10_us']:.1f} us")
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(work / "old")], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
