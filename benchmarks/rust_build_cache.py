"""Build time of a Rust (rayon) candidate with and without the compiled Rayon in the cache, in one
run on this machine, in a fresh cache directory:

    python benchmarks/rust_build_cache.py [--task bfs]

Printed: Rayon + parevo_rt compiled by cargo (once per machine and toolchain), the first
candidate's own build (rustc + link), a second, different candidate's build (Rayon cached), the
same candidate again (a cache hit), and the ratio uncached / cached.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--task", default="bfs")
    args = ap.parse_args()
    os.environ["PAREVO_CACHE_DIR"] = tempfile.mkdtemp(prefix="parevo-rust-bench-")
    from parevo import EvalConfig, evaluate, get_task
    from parevo.toolchain import rust

    task = get_task(args.task)
    cfg = EvalConfig.quick(timing=False, check_threads=[2], race_threads=[2])
    source = task.reference_source("rayon")
    start = time.monotonic()
    deps = rust.deps()
    print(f"Rayon + parevo_rt with cargo (uncached): {deps.seconds:6.1f} s  (wall {time.monotonic() - start:.1f} s)")
    builds = []
    for name, text in (("first candidate", source), ("second candidate", source + "\nconst _OTHER: u8 = 1;\n"),
                       ("first candidate again", source)):
        r = evaluate(task, text, "rayon", cfg)
        b = r.stage("build").metrics
        builds.append(b["build_s"])
        print(f"{name:<24} build {b['build_s']:6.2f} s  cached={b['cached']}  status={r.status}")
    uncached = deps.seconds + builds[0]
    print(f"\nuncached candidate (Rayon compiled first): {uncached:.1f} s; cached Rayon: {builds[1]:.1f} s; "
          f"ratio {uncached / max(builds[1], 1e-9):.1f}x; same candidate again: {builds[2]:.2f} s")


if __name__ == "__main__":
    main()
