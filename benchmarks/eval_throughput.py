"""Evaluations per minute before and after the evaluation-at-scale changes, in one run on this
machine: the bundled replay (examples/bfs-openmp, optionally shortened) and a one-task bench,
each in both modes (the bench as `parevo bench --quick` runs it), plus the largest difference in reported speedup between the modes.

    python benchmarks/eval_throughput.py [--iterations 6] [--task histogram] [--samples 3]

Modes (the old behaviour is configuration, so both run from this checkout):
  before  every evaluation times the baseline and the reference itself, contention is not re-timed,
          every input is generated in every process, every repetition is timed, builds and race runs
          run one after another with the system's debug info read, the harness validates every
          output and describes every input, and the bench evaluates one sample at a time
          (`reuse_timings = false`, `contention_retimes = 0`, `input_cache = false`, `target_ci = 0`,
          `overlap_builds = false`, `race_parallel_runs = 1`, `race_debug_info = true`,
          `validate_once = false`, `describe_failures_only = false`, one local worker);
  after   today's defaults;
  after-quiet  today's defaults with the contention threshold out of reach (a quiet machine's path).
Each mode gets a fresh, cold cache directory (builds and stored timings alike), so neither mode
profits from the other's work. Speedups are compared per candidate (same source in both modes):
the printed difference is |s_after / s_before - 1| at the largest thread count, which mixes the
machine's noise with any bias of reused timings. Contended timings are counted and shown.

Rates are given two ways: by wall time, and by evaluation time (the stages' own seconds, without
the time spent queueing for the CPU slot). The benchmark's runs use a CPU-slot directory of their
own (PAREVO_SLOT_DIR), so they do not queue behind other parevo runs on a shared machine (whose
load then shows up as contention instead); the two modes never overlap, as they run in turn.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPLAY = ROOT / "examples" / "bfs-openmp"
MODES = {"before": {"reuse_timings": False, "contention_retimes": 0, "overlap_builds": False, "race_parallel_runs": 1,
                    "race_debug_info": True, "input_cache": False, "target_ci": 0,
                    "validate_once": False, "describe_failures_only": False,
                    "local_workers": 1},  # the bench's evaluations one at a time, as before
         "after": {},
         # What "after" does on a quiet machine: no run counts as contended (nothing is re-timed, every
         # baseline may be stored); on a loaded one it separates the cost of the contention check.
         "after-quiet": {"contention_max_cores": 1e9}}

BENCH = r"""
import asyncio, json, sys, time
from pathlib import Path
from parevo.bench.runner import Bench, BenchSpec
out, script, task, samples, knobs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), json.loads(sys.argv[5])
workers = knobs.pop("local_workers", None)
bench = Bench(Path(out), "tp", BenchSpec(suite="builtin", llm=f"scripted:{script}", samples=samples, tasks=[task], models=["openmp"], quick=True), jobs=2, workers=workers)
bench.config = bench.config.model_copy(update=knobs)  # the mode under test
t0 = time.monotonic()
asyncio.run(bench.run())
wall = time.monotonic() - t0
rows = [{"code": c, "status": st, "speedups": json.loads(sp), "contended": bool(json.loads(res or "{}").get("metrics", {}).get("contended")),
         "busy": sum(x.get("seconds", 0.0) for x in json.loads(res or "{}").get("stages", []))}
        for c, st, sp, res in bench.store.db.execute("SELECT code, status, speedups, result FROM samples WHERE bench_id='tp'")]
print(json.dumps({"wall": wall, "rows": rows}))
"""


def _toml_value(v) -> str:
    return json.dumps(v) if not isinstance(v, bool) else str(v).lower()


def replay(mode: str, work: Path, iterations: int) -> dict:
    config = (REPLAY / "evolve.toml").read_text().replace("iterations = 6", f"iterations = {iterations}")
    config += "".join(f"{k} = {_toml_value(v)}\n" for k, v in MODES[mode].items()  # [eval] is the last table
                      if k != "local_workers")  # the replay evaluates one program at a time in every mode
    (work / "evolve.toml").write_text(config)
    env = _env(work)
    t0 = time.monotonic()
    r = subprocess.run([str(Path(sys.executable).parent / "parevo"), "evolve", "bfs", "--model", "openmp",
                        "--llm", f"replay:{REPLAY / 'run.sqlite'}", "--config", str(work / "evolve.toml"),
                        "--runs-dir", str(work / "runs"), "--name", "tp", "--out", str(work / "best.cpp")],
                       cwd=work, env=env, capture_output=True, text=True)
    wall = time.monotonic() - t0
    if r.returncode != 0:
        sys.exit(f"replay ({mode}) failed:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    db = sqlite3.connect(work / "runs" / "tp" / "run.sqlite")
    rows = [{"code": c, "status": s, "fitness": f, "contended": bool(json.loads(m or "{}").get("contended")),
             "busy": sum(json.loads(m or "{}").get("stage_seconds", {}).values())}
            for c, s, f, m, e in db.execute("SELECT code, status, fitness, metrics, eval_seconds FROM programs") if e]
    return {"wall": wall, "evaluations": len(rows), "busy": sum(x["busy"] for x in rows),
            "speedups": {_sha(x["code"]): x["fitness"] for x in rows if x["fitness"]},
            "contended": sum(x["contended"] for x in rows)}


def bench(mode: str, work: Path, task: str, samples: int) -> dict:
    from parevo import get_task

    source = get_task(task).reference_source("openmp")
    # Distinct sources (a comment apart): each sample is built and evaluated like a new reply.
    replies = [f"```cpp\n// sample {i}\n{source}\n```" for i in range(samples)]
    script = work / "bench.json"
    script.write_text(json.dumps(replies))
    env = _env(work)
    r = subprocess.run([sys.executable, "-c", BENCH, str(work / "bench"), str(script), task, str(samples),
                        json.dumps(MODES[mode])], cwd=work, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"bench ({mode}) failed:\n{r.stderr[-3000:]}")
    out = json.loads(r.stdout.strip().splitlines()[-1])
    rows = out["rows"]
    return {"wall": out["wall"], "evaluations": len(rows), "busy": sum(x["busy"] for x in rows),
            "speedups": {_sha(x["code"]): max(x["speedups"].items(), key=lambda kv: int(kv[0]))[1]
                         for x in rows if x["speedups"]},
            "contended": sum(x["contended"] for x in rows), "failed": [x["status"] for x in rows if x["status"] != "ok"]}


def _env(work: Path) -> dict[str, str]:
    return {**os.environ, "PAREVO_CACHE_DIR": str(work / "cache"), "PAREVO_SLOT_DIR": str(work.parent / "slots")}


def _sha(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def largest_difference(a: dict[str, float], b: dict[str, float]) -> tuple[float, int]:
    common = [k for k in a if k in b and a[k] and b[k]]
    return max((abs(b[k] / a[k] - 1.0) for k in common), default=float("nan")), len(common)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iterations", type=int, default=6, help="replay iterations (the recording has 6)")
    ap.add_argument("--task", default="histogram", help="the bench's task (its OpenMP reference as every sample)")
    ap.add_argument("--samples", type=int, default=3)
    ap.add_argument("--skip", choices=["replay", "bench"], help="leave one workload out")
    ap.add_argument("--modes", default=",".join(MODES), help="comma-separated modes to run (before is always run)")
    args = ap.parse_args()
    results: dict[str, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory(prefix="parevo-throughput-") as tmp:
        for workload in ("replay", "bench"):
            if args.skip == workload:
                continue
            for mode in dict.fromkeys(["before", *args.modes.split(",")]):
                if mode not in MODES:
                    sys.exit(f"--modes: unknown mode '{mode}' (known: {', '.join(MODES)})")
                work = Path(tmp) / f"{workload}-{mode}"
                work.mkdir()
                print(f"{workload} / {mode} ...", file=sys.stderr, flush=True)
                results.setdefault(workload, {})[mode] = (replay(mode, work, args.iterations) if workload == "replay"
                                                          else bench(mode, work, args.task, args.samples))
    print(f"machine: {os.cpu_count()} cpus, load average {os.getloadavg()[0]:.2f} at the end")
    for workload, by_mode in results.items():
        rate = {m: r["evaluations"] / (r["wall"] / 60.0) for m, r in by_mode.items()}
        busy = {m: r["evaluations"] / (r["busy"] / 60.0) for m, r in by_mode.items()}
        diffs = {m: largest_difference(by_mode["before"]["speedups"], by_mode[m]["speedups"])
                 for m in by_mode if m != "before"}
        for m, r in by_mode.items():
            print(f"{workload:6} {m:6}: {r['evaluations']:3d} evaluations in {r['wall']:7.1f} s = "
                  f"{rate[m]:5.2f} evaluations/min by wall, {busy[m]:5.2f} by evaluation time "
                  f"({r['contended']} contended)")
        for m, (diff, n) in diffs.items():
            print(f"{workload:6} {m}/before: {rate[m] / rate['before']:.2f}x evaluations/min by wall, "
                  f"{busy[m] / busy['before']:.2f}x by evaluation time; largest speedup difference from before "
                  f"{diff * 100:.1f} % over {n} candidates timed in both")


if __name__ == "__main__":
    main()
