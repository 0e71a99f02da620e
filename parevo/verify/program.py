"""Whole programs with their own main() (the corpus's exercises: a solution, a test program and
perhaps a sequential version with a `struct Benchmark`): the checks the verifier has for them,
beside `racecheck`, so that the corpus has no build, test or timing path of its own.

- `build`: the model's flags, through the build cache, in the shared CPU slot;
- `run_tests`: the test program, sandboxed, at each thread count; it must exit 0;
- `race`: `racecheck` with the model's recipe (an unavailable detector says so, never "clean");
- `time_pair`: parevo's own `main()` around the generator's `struct Benchmark` times the
  sequential and the parallel call, best of N after a warm-up, in the exclusive CPU slot.

A task seed (an exercise on a built-in task) is not judged here: it goes through the task's
cascade in a killable worker (`verify.isolated`), like every other candidate.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from pydantic import BaseModel, Field

from .. import paths
from ..toolchain import models as pm
from ..toolchain import probe, sandbox
from ..toolchain.build import BuildCache
from . import diagnostics, slots
from .racecheck import RaceCheckResult, racecheck

OPT = ("-O3",)
TIMING_MARK = "PAREVO_CORPUS_TIMING"
# Around the generator's `struct Benchmark`: parevo owns the clock, the repetitions and the
# thread count; the generator only builds the input and makes the two calls.
TIMING_MAIN = r"""
#include <algorithm>
#include <chrono>
#include <cstdio>
// The results live in `bench`; letting its address escape keeps -O3 from dropping the calls.
#define PAREVO_KEEP(x) asm volatile("" : : "g"(&(x)) : "memory")
int main() {
  Benchmark bench;
  double par = 1e300, seq = 1e300;
  bench.run_sequential();  // warm-up: page faults and caches, not timed
  bench.run_parallel();
  for (int r = 0; r < PAREVO_REPS; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    bench.run_sequential();
    PAREVO_KEEP(bench);
    auto t1 = std::chrono::steady_clock::now();
    bench.run_parallel();
    PAREVO_KEEP(bench);
    auto t2 = std::chrono::steady_clock::now();
    seq = std::min(seq, std::chrono::duration<double>(t1 - t0).count());
    par = std::min(par, std::chrono::duration<double>(t2 - t1).count());
  }
  std::printf("PAREVO_CORPUS_TIMING {\"sequential_s\": %.9g, \"parallel_s\": %.9g}\n", seq, par);
  return 0;
}
"""


class ProgramConfig(BaseModel):
    """Knobs of the whole-program checks (the corpus's `[filters]` extend them)."""

    test_threads: list[int] = Field(default_factory=lambda: [1, 4])
    race_threads: list[int] = Field(default_factory=lambda: [4])
    race_runs: int = Field(2, ge=1)
    run_wall_s: float = 60.0
    timing_reps: int = Field(3, ge=1)
    timing_wall_s: float = 300.0
    timing_threads: int | None = None  # None: the machine's thread count

    def threads(self) -> int:
        return self.timing_threads or os.cpu_count() or 1


@dataclass(frozen=True)
class Built:
    path: Path | None  # None: it did not build
    log: str = ""  # the compiler's diagnostics, summarised, when it did not


@dataclass(frozen=True)
class Timed:
    sequential_s: float | None = None
    parallel_s: float | None = None
    threads: int = 0
    problem: str = ""  # why there is no measurement

    @property
    def speedup(self) -> float | None:
        if self.sequential_s is None or self.parallel_s is None:
            return None
        return round(self.sequential_s / max(self.parallel_s, 1e-9), 3)


def tail(outcome: sandbox.RunOutcome, limit: int = 1500) -> str:
    text = (outcome.stdout[-limit:] + "\n" + outcome.stderr[-limit:]).strip()
    return text or "(no output)"


class WholeProgram:
    """The checks for one model's whole programs, sharing one build cache."""

    def __init__(self, model: str, config: ProgramConfig, cache: BuildCache | None = None):
        self.model = pm.get_model(model)
        self.config = config
        self.tc = probe.detect()
        self.cache = cache or BuildCache(self.tc)

    def missing(self) -> str:
        """Why this model cannot be built on this machine ('' when it can)."""
        return self.model.missing(self.tc)

    def build(self, source: str, include_dirs: Sequence[Path] = (), digest: str = "",
              extra: Sequence[str] = ()) -> Built:
        flags = self.model.flags(self.tc)
        with slots.cpu_shared():
            obj = self.cache.compile_object(source, (*OPT, *extra, *flags.compile), list(include_dirs), None, digest,
                                            name="corpus.cpp")
            binary = self.cache.link([obj], flags.link) if obj.ok else obj
        return Built(binary.path) if binary.ok else Built(None, diagnostics.summarize(binary.log))

    def _run(self, binary: Path, threads: int, wall_s: float) -> sandbox.RunOutcome:
        work = Path(tempfile.mkdtemp(prefix="corpus-", dir=paths.cache_dir())) / "work"
        try:
            return sandbox.run([str(binary)], sandbox.Limits(wall_s=wall_s), work,
                               env=pm.ParallelModel.thread_env(threads))
        finally:
            shutil.rmtree(work.parent, ignore_errors=True)

    def run_tests(self, binary: Path) -> str:
        """'' when the test program exits 0 at every thread count, else what went wrong."""
        for t in self.config.test_threads:
            with slots.cpu_shared():
                outcome = self._run(binary, t, self.config.run_wall_s)
            if not outcome.ok:
                return f"at {t} thread(s) the test program {outcome.describe()}:\n{tail(outcome)}"
        return ""

    def race(self, source: str, include_dirs: Sequence[Path] = ()) -> RaceCheckResult:
        tmp = Path(tempfile.mkdtemp(prefix="corpus-race-", dir=paths.cache_dir()))
        try:
            program = tmp / "corpus.cpp"
            program.write_text(source)
            with slots.cpu_shared():
                return racecheck(program, self.model.name, [f"-I{d}" for d in include_dirs], self.config.race_threads,
                                 self.config.race_runs, (), self.config.run_wall_s, self.cache)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def time_pair(self, source: str, include_dirs: Sequence[Path] = (), digest: str = "") -> Timed:
        """`source` defines `struct Benchmark` (run_sequential, run_parallel); TIMING_MAIN is added."""
        built = self.build(source + "\n" + TIMING_MAIN, include_dirs, digest, (f"-DPAREVO_REPS={self.config.timing_reps}",))
        if built.path is None:
            return Timed(problem=f"the timing program does not build:\n{built.log}")
        threads = self.config.threads()
        with slots.cpu_exclusive():
            outcome = self._run(built.path, threads, self.config.timing_wall_s)
        m = re.search(TIMING_MARK + r" (\{.*\})", outcome.stdout)
        if not outcome.ok or not m:
            return Timed(threads=threads, problem=f"the timing program {outcome.describe()}:\n{tail(outcome)}")
        t = json.loads(m.group(1))
        return Timed(float(t["sequential_s"]), float(t["parallel_s"]), threads)
