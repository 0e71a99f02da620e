"""The execution filters, in order: the model is used, solution + test program build with the
model's flags, the test passes at 1 and several threads (sandboxed), no data race under the
model's detector (`verify.racecheck`), and the solution is at least `min_speedup` times faster
than its sequential version at the machine's thread count.

A built-in task seed goes through the same build and test, then through the verifier cascade
(`evaluate()`), whose validator, race stage and baseline decide correctness, races and speedup.

The first failing filter names the rejection reason. An infrastructure failure (a compiler
crash, no cgroup) is not the candidate's fault: it comes back as `infra_error`, which a rerun
retries.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from pydantic import BaseModel, Field

from .. import paths
from ..errors import InfraError, SandboxUnavailable
from ..toolchain import models as pm
from ..toolchain import probe, sandbox
from ..toolchain.build import BuildCache, tree_digest
from ..verify import diagnostics, slots
from ..verify.racecheck import racecheck
from ..verify.source import strip_comments_and_strings
from .replies import Draft
from .seeds import Seed

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


class FilterConfig(BaseModel):
    test_threads: list[int] = Field(default_factory=lambda: [1, 4])
    race_threads: list[int] = Field(default_factory=lambda: [4])
    race_runs: int = Field(2, ge=1)
    min_speedup: float = Field(1.0, ge=0.0)
    keep_unchecked: bool = True  # TBB has no honest race detector: keep (race_checked false) or drop
    run_wall_s: float = 60.0
    timing_reps: int = Field(3, ge=1)
    timing_wall_s: float = 300.0
    timing_threads: int | None = None  # None: the machine's thread count
    quick_tasks: bool = False  # built-in task seeds: EvalConfig.quick() instead of the full cascade


class Verdict(BaseModel):
    """What the filters found; `reason` is None when every filter passed."""

    built: bool | None = None
    tests_passed: bool | None = None
    race_free: bool | None = None
    race_checked: bool = False
    speedup: float | None = None
    threads: int | None = None  # the thread count of the speedup
    reason: str | None = None
    detail: str = ""

    def reject(self, reason: str, detail: str) -> Verdict:
        self.reason, self.detail = reason, detail.strip()[:4000]
        return self


def whole_program(seed: Seed, *parts: str) -> str:
    head = '#include "types.hpp"\n' if seed.task else ""
    return head + "\n\n".join(p.strip() + "\n" for p in parts)


def _tail(outcome: sandbox.RunOutcome, limit: int = 1500) -> str:
    text = (outcome.stdout[-limit:] + "\n" + outcome.stderr[-limit:]).strip()
    return text or "(no output)"


class Filters:
    def __init__(self, config: FilterConfig, cache: BuildCache | None = None):
        self.config = config
        self.tc = probe.detect()
        self.cache = cache or BuildCache(self.tc)

    def run(self, seed: Seed, draft: Draft) -> Verdict:
        """All filters on one draft; InfraError / SandboxUnavailable propagate (retry later)."""
        v = Verdict()
        model = pm.get_model(seed.model)
        if missing := model.missing(self.tc):
            raise InfraError(f"model {seed.model} cannot be built here: {missing}")
        if usage := model.check_usage(strip_comments_and_strings(draft.solution)):
            return v.reject("not_parallel", usage)
        binary = self._build(seed, whole_program(seed, draft.solution, draft.test_program), v)
        if binary is None:
            return v
        if not self._tests(binary, v):
            return v
        if seed.task:
            return self._task(seed, draft, v)
        if not self._race(seed, draft, v):
            return v
        return self._speedup(seed, draft, v)

    # -- build and test ------------------------------------------------------------------------
    def _includes(self, seed: Seed) -> tuple[list[Path], str]:
        if not seed.task:
            return [], ""
        from ..tasks import get_task

        task = get_task(seed.task)
        runtime = sorted(paths.RUNTIME_INCLUDE.glob("*.hpp"))
        return [paths.CXX_DIR, paths.RUNTIME_INCLUDE, task.root], tree_digest(runtime + task.header_files)

    def _build(self, seed: Seed, source: str, v: Verdict, extra: tuple[str, ...] = ()) -> Path | None:
        flags = pm.get_model(seed.model).flags(self.tc)
        dirs, digest = self._includes(seed)
        with slots.cpu_shared():
            obj = self.cache.compile_object(source, (*OPT, *extra, *flags.compile), dirs, None, digest, name="corpus.cpp")
            binary = self.cache.link([obj], flags.link) if obj.ok else obj
        v.built = binary.ok
        if not binary.ok:
            v.reject("build_failed", diagnostics.summarize(binary.log))
            return None
        return binary.path

    def _run(self, binary: Path, threads: int, wall_s: float) -> sandbox.RunOutcome:
        work = Path(tempfile.mkdtemp(prefix="corpus-", dir=paths.cache_dir())) / "work"
        try:
            limits = sandbox.Limits(wall_s=wall_s)
            return sandbox.run([str(binary)], limits, work, env=pm.ParallelModel.thread_env(threads))
        finally:
            shutil.rmtree(work.parent, ignore_errors=True)

    def _tests(self, binary: Path, v: Verdict) -> bool:
        for t in self.config.test_threads:
            with slots.cpu_shared():
                outcome = self._run(binary, t, self.config.run_wall_s)
            if not outcome.ok:
                v.tests_passed = False
                v.reject("tests_failed", f"at {t} thread(s) the test program {outcome.describe()}:\n{_tail(outcome)}")
                return False
        v.tests_passed = True
        return True

    # -- races -----------------------------------------------------------------------------------
    def _race(self, seed: Seed, draft: Draft, v: Verdict) -> bool:
        dirs, _ = self._includes(seed)
        tmp = Path(tempfile.mkdtemp(prefix="corpus-race-", dir=paths.cache_dir()))
        try:
            program = tmp / "corpus.cpp"
            program.write_text(whole_program(seed, draft.solution, draft.test_program))
            with slots.cpu_shared():
                result = racecheck(program, seed.model, [f"-I{d}" for d in dirs], self.config.race_threads,
                                   self.config.race_runs, (), self.config.run_wall_s, self.cache)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        if result.verdict == "race":
            v.race_checked, v.race_free = True, False
            v.reject("race", result.summary)
            return False
        if result.verdict == "clean":
            v.race_checked, v.race_free = True, True
            return True
        v.race_checked, v.detail = False, f"race check unavailable: {result.reason}"
        if not self.config.keep_unchecked:
            v.reject("race_unchecked", result.reason)
            return False
        return True

    # -- speed -----------------------------------------------------------------------------------
    def threads(self) -> int:
        return self.config.timing_threads or os.cpu_count() or 1

    def _speedup(self, seed: Seed, draft: Draft, v: Verdict) -> Verdict:
        if not draft.sequential:
            return v  # nothing to compare with: the speedup filter does not apply
        if not draft.has_benchmark:
            return v.reject("speedup_unmeasured", "a sequential version was given without `struct Benchmark`")
        source = whole_program(seed, draft.solution, draft.sequential, TIMING_MAIN)
        probe_v = Verdict()
        binary = self._build(seed, source, probe_v, (f"-DPAREVO_REPS={self.config.timing_reps}",))
        if binary is None:
            return v.reject("speedup_unmeasured", f"the timing program does not build:\n{probe_v.detail}")
        v.threads = self.threads()
        with slots.cpu_exclusive():
            outcome = self._run(binary, v.threads, self.config.timing_wall_s)
        m = re.search(TIMING_MARK + r" (\{.*\})", outcome.stdout)
        if not outcome.ok or not m:
            return v.reject("speedup_unmeasured", f"the timing program {outcome.describe()}:\n{_tail(outcome)}")
        t = json.loads(m.group(1))
        v.speedup = round(t["sequential_s"] / max(t["parallel_s"], 1e-9), 3)
        if v.speedup < self.config.min_speedup:
            return v.reject("too_slow", f"speedup {v.speedup:.2f}x at {v.threads} threads "
                                        f"(sequential {t['sequential_s']:.4f} s, parallel {t['parallel_s']:.4f} s), "
                                        f"below {self.config.min_speedup:g}x")
        return v

    # -- built-in tasks: the verifier cascade ---------------------------------------------------
    def _task(self, seed: Seed, draft: Draft, v: Verdict) -> Verdict:
        from ..tasks import get_task
        from ..verify.cascade import evaluate
        from ..verify.config import EvalConfig

        threads = sorted({1, self.threads()})
        knobs = {"timing_threads": threads, "profile": False, "compare_reference": False}
        config = EvalConfig.quick(**knobs) if self.config.quick_tasks else EvalConfig(**knobs)
        result = evaluate(get_task(seed.task), draft.solution, seed.model, config, cache=self.cache)
        if result.status == "error":
            raise InfraError(f"the verifier failed on task {seed.task}: {result.feedback}")
        v.race_free = result.race_free
        v.race_checked = result.race_free is not None
        stage = result.stage_reached
        if result.status == "fail":
            reason = {"static": "not_parallel", "build": "build_failed", "correctness": "tests_failed",
                      "race": "race"}.get(stage, "too_slow")
            if stage in ("static", "build"):
                v.built = False if stage == "build" else v.built
            if stage == "correctness":
                v.tests_passed = False
            return v.reject(reason, f"task validator: {result.feedback}")
        if not v.race_checked and not self.config.keep_unchecked:
            return v.reject("race_unchecked", (result.stage("race") or result.stages[-1]).detail)
        v.threads = result.metrics.get("threads_max", threads[-1])
        v.speedup = round(result.metrics["speedup"], 3) if result.metrics.get("speedup") is not None else None
        if v.speedup is None or v.speedup < self.config.min_speedup:
            return v.reject("too_slow", f"speedup {v.speedup}x over the task's baseline at {v.threads} threads, "
                                        f"below {self.config.min_speedup:g}x")
        return v


INFRA_ERRORS = (InfraError, SandboxUnavailable)
