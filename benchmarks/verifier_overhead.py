"""How much the verifier costs over doing the same work by hand, measured in one run.

Prints three figures:
  1. full cascade (cold cache) / the same compiles and runs done by hand with raw g++ and
     direct execution (no sandbox, no cache, no parsing);
  2. cached re-evaluation / first evaluation (and whether the re-evaluation compiled);
  3. timing spread (max-min)/median of a ~1 s workload (the baseline at a large size).

Usage: python benchmarks/verifier_overhead.py [--task bfs] [--quick]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from pathlib import Path

from parevo import EvalConfig, evaluate, get_task
from parevo.paths import CXX_DIR, HARNESS_INCLUDE_DIRS
from parevo.toolchain import models as pm
from parevo.toolchain import probe
from parevo.toolchain.build import CXX_STD, BuildCache
from parevo.verify.context import HARNESS_RACE_FLAGS, OPT_FLAGS


def raw_work(task, source: str, model: str, cfg: EvalConfig, work: Path) -> float:
    """The cascade's compiles and runs, by hand: g++ and the binaries, nothing else."""
    tc = probe.detect()
    inc = [*(f"-I{d}" for d in HARNESS_INCLUDE_DIRS), f"-I{task.root}"]
    types = ["-include", str(task.root / "types.hpp")]
    m, serial = pm.MODELS[model], pm.MODELS["serial"]
    flags, race = m.flags(tc), m.race(tc)
    ref_src = task.reference_source(model)
    (work / "candidate.cpp").write_text(source)
    (work / "baseline.cpp").write_text(task.baseline_source)
    (work / "reference.cpp").write_text(ref_src or source)
    harness = str(CXX_DIR / "harness_main.cpp")

    def sh(*args: str, env: dict | None = None) -> None:
        subprocess.run(list(args), cwd=work, check=True, env={**os.environ, **(env or {})},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    start = time.monotonic()
    gxx = tc.cxx
    sh(gxx, CXX_STD, *OPT_FLAGS, *inc, "-c", harness, "-o", "h.o")
    sh(gxx, CXX_STD, *OPT_FLAGS, *flags.compile, *inc, *types, "-c", "candidate.cpp", "-o", "c.o")
    sh(gxx, "h.o", "c.o", *flags.link, "-o", "cand")
    sh(gxx, CXX_STD, *HARNESS_RACE_FLAGS, *inc, "-c", harness, "-o", "ht.o")
    sh(gxx, CXX_STD, *race.flags.compile, *inc, *types, "-c", "candidate.cpp", "-o", "ct.o")
    sh(gxx, "ht.o", "ct.o", *race.flags.link, "-o", "cand_tsan")
    sh(gxx, CXX_STD, *OPT_FLAGS, *inc, *types, "-c", "baseline.cpp", "-o", "b.o")
    sh(gxx, "h.o", "b.o", *serial.flags(tc).link, "-o", "base")
    sh(gxx, CXX_STD, *OPT_FLAGS, *flags.compile, *inc, *types, "-c", "reference.cpp", "-o", "r.o")
    sh(gxx, "h.o", "r.o", *flags.link, "-o", "ref")

    def cases(families, size, seed):
        out = []
        for f in families:
            out += ["--case", f"{f}:{size}:{seed}"]
        return out

    def run(binary, threads, case_args, warmup=0, reps=1, env=None):
        sh(f"./{binary}", "--result", "r.jsonl", "--warmup", str(warmup), "--reps", str(reps),
           *case_args, env={**pm.ParallelModel.thread_env(threads), **(env or {}), "PAREVO_NONCE": "x"})

    s = task.spec
    check = cases(s.families, cfg.check_size or s.sizes.check, cfg.seed)
    for t in cfg.check_threads:
        run("cand", t, check, reps=cfg.check_reps)
    tsan_env = {**race.env, "TSAN_OPTIONS": f"halt_on_error=0 exitcode=0 report_thread_leaks=0 "
                f"ignore_noninstrumented_modules=1 log_path={work}/tsan"}
    for t in cfg.race_threads:
        for r in range(cfg.race_runs):
            run("cand_tsan", t, cases(s.families, cfg.race_size or s.sizes.race, cfg.seed + r), env=tsan_env)
    timing = cases(s.timing_families, cfg.timing_size or s.sizes.timing, cfg.seed + 1000)
    run("base", 1, timing, cfg.warmup, cfg.reps)
    for t in cfg.sweep():
        run("cand", t, timing, cfg.warmup, cfg.reps)
    run("ref", max(cfg.sweep()), timing, cfg.warmup, cfg.reps)
    if cfg.profile and tc.perf:
        sh(tc.perf, "stat", "-x", ",", "-o", "perf.csv", "--", "./cand", "--result", "r.jsonl",
           *timing, env={**pm.ParallelModel.thread_env(max(cfg.sweep())), "PAREVO_NONCE": "x"})
    return time.monotonic() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--task", default="bfs")
    ap.add_argument("--model", default="openmp")
    ap.add_argument("--quick", action="store_true", help="small timing inputs (a smoke run, not a measurement)")

    args = ap.parse_args()
    task = get_task(args.task)
    source = task.reference_source(args.model)
    cfg = EvalConfig.quick() if args.quick else EvalConfig()

    with tempfile.TemporaryDirectory() as cache_dir, tempfile.TemporaryDirectory() as raw_dir:
        os.environ["PAREVO_CACHE_DIR"] = cache_dir
        raw_s = raw_work(task, source, args.model, cfg, Path(raw_dir))
        cache = BuildCache(probe.detect())
        t0 = time.monotonic()
        first = evaluate(task, source, args.model, cfg, cache=cache)
        first_s = time.monotonic() - t0
        misses = cache.stats["misses"]
        t0 = time.monotonic()
        second = evaluate(task, source, args.model, cfg, cache=cache)
        second_s = time.monotonic() - t0
        compiled_again = cache.stats["misses"] - misses
        nt = cfg.model_copy(update={"timing": False})
        t0 = time.monotonic()
        evaluate(task, source, args.model, nt, cache=cache)
        verify_only_s = time.monotonic() - t0

    print(f"task {task.id}, model {args.model}, {'quick' if args.quick else 'full'} configuration, {os.cpu_count()} cpus")
    print(f"  first evaluation: {first.status} at {first.stage_reached}; speedup {first.metrics.get('speedup', 0):.2f}x")
    print(f"  raw g++ + direct runs of the same stages:   {raw_s:7.2f} s")
    print(f"  full cascade, cold cache:                   {first_s:7.2f} s   ratio {first_s / raw_s:.3f}x (target <= 1.2)")
    print(f"  cached re-evaluation (all stages):          {second_s:7.2f} s   ratio {second_s / first_s:.3f}x of the first;"
          f" compiles: {compiled_again}")
    print(f"  cached re-evaluation without timing:        {verify_only_s:7.2f} s")
    timing = second.stage("timing")
    if timing and timing.status == "ok":
        for fam, row in timing.metrics["families"].items():
            spreads = ", ".join(f"{t} thr {v * 100:.1f}%" for t, v in row["spread"].items())
            print(f"  timing spread {fam}: baseline {row['baseline_s']:.3f} s spread {row['baseline_spread'] * 100:.1f}%;"
                  f" candidate {spreads}")
    if not args.quick:
        for workload in SPREAD_WORKLOADS:
            spread_workload(*workload)


# ~1 s single-threaded workloads here: BFS is latency-bound, SpMV memory-bandwidth-bound (noisier
# on a shared virtual machine).
SPREAD_WORKLOADS = [("bfs", "uniform", 6_000_000), ("spmv", "uniform", 12_000_000)]


def spread_workload(tid: str, family: str, size: int, reps: int = 7) -> None:
    """The timing stage on a ~1 s single-threaded workload: how repeatable are its medians?"""
    task = get_task(tid)
    cfg = EvalConfig(timing_threads=[1], timing_size=size, timing_families=[family], reps=reps, warmup=1,
                     compare_reference=False, profile=False)
    result = evaluate(task, task.baseline_source, "serial", cfg)
    timing = result.stage("timing")
    if not timing or timing.status != "ok":
        print(f"  spread workload failed: {result.feedback}")
        return
    for fam, row in timing.metrics["families"].items():
        print(f"  ~1 s workload {tid}/{fam} size {size:,}: median {row['candidate_s']['1']:.3f} s, "
              f"spread (max-min)/median {row['spread']['1'] * 100:.2f}% over {reps} reps (target <= 3%)")


if __name__ == "__main__":
    main()
