"""Knobs of one evaluation. Identity-relevant ones (seed, sizes, threads) are recorded in
every stage's `params`; the defaults are the full cascade, `quick()` is for tests and smoke runs."""

from __future__ import annotations

import os

from pydantic import BaseModel, ConfigDict, Field

from ..toolchain.sandbox import GiB


class EvalConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    seed: int | None = Field(None, description="None: a fresh secret seed per evaluation (recorded afterwards)")
    check_threads: list[int] | None = None  # None: 1, 2, 3, 4 and an odd count above the core count
    check_reps: int = Field(2, ge=2, description="two calls per case: the second on a varied input catches caching")
    race_threads: list[int] = Field(default_factory=lambda: [2, 3, 8])
    race_runs: int = Field(2, ge=1, description="runs of the race build (each at every race thread count)")
    race_timing_size: bool = Field(True, description="one more race-build call at the timing size (2 threads)")
    timing_threads: list[int] | None = None  # None: 1, 2, ..., cpu count
    warmup: int = Field(1, ge=0)
    reps: int = Field(5, ge=1, description="timed calls per input and thread count (the cap, with target_ci)")
    target_ci: float | None = Field(0.03, ge=0, description="adaptive repetitions: stop once the median's 95 % "
                                    "confidence half-width is within this fraction of it (0 or None: always `reps`)")
    min_reps: int = Field(3, ge=2, description="timed calls before target_ci may stop the repetitions")
    check_size: int | None = Field(None, ge=1)  # None: the task's sizes
    race_size: int | None = Field(None, ge=1)
    timing_size: int | None = Field(None, ge=1)
    timing_size_at_most_task: bool = Field(False, description="timing_size never exceeds the task's own (quick: a "
                                           "ParEval N x N problem's size is N, so quick's 20000 would be 3 GB)")
    families: list[str] | None = None  # correctness and race families; None: all the task's families
    timing_families: list[str] | None = None  # None: the task's timing_families
    timing_wait_policy: str | None = None  # OMP_WAIT_POLICY of timing runs; None: the runtime's default
    contention_max_cores: float = Field(0.25, ge=0, description="other CPU use (cores, averaged) above which a timing run is contended")
    contention_retimes: int = Field(1, ge=0, description="re-runs of a contended timing run (verify/contention.py)")
    reuse_timings: bool = Field(True, description="reuse baseline and reference timings across evaluations (verify/baselines.py)")
    timing_recheck_every: int = Field(10, ge=1, description="re-measure reused timings after this many evaluations...")
    timing_recheck_s: float = Field(1200.0, gt=0, description="...or after this many seconds")
    input_cache: bool = Field(True, description="timing and profile runs read their inputs from the shared input "
                              "cache, generating each (task build, family, size, seed) once (verify/inputcache.py)")
    input_cache_bytes: int = Field(2 * GiB, ge=0, description="the input cache's size bound (least recently used evicted)")
    overlap_builds: bool = Field(True, description="compile the race build beside the optimised one (both sandboxed, "
                                 "content-addressed; the race build is used only once the earlier stages passed)")
    race_parallel_runs: int = Field(2, ge=1, description="race-build runs in flight at once (each its own sandboxed "
                                    "process tree; judged in order, as if run one after another)")
    validate_once: bool = Field(True, description="the harness validates an output only if no output with the "
                                "same bytes (a keyed digest, cxx/output_digest.hpp) was validated on the same input")
    describe_failures_only: bool = Field(True, description="the harness describes an input (the shape in a "
                                         "failure's message) only for a failing case: O(n) for most tasks")
    race_debug_info: bool = Field(False, description="let the race detector read the system's separate debug info "
                                  "(line numbers on libc frames in its reports; ~0.4 s more per race run)")
    timing: bool = True
    profile: bool = True
    compare_reference: bool = True
    check_wall_s: float = 60.0
    race_wall_s: float = 180.0
    timing_wall_s: float = 900.0
    timing_budget: float | None = Field(None, gt=1, description="k: the candidate's timed run is stopped once its calls could have taken k x the baseline's time (it is then correct but too slow, speedup below 1/k); None: only timing_wall_s")
    memory_bytes: int = 4 * GiB
    max_pids: int = 512

    def check_thread_counts(self) -> list[int]:
        """Thread counts of the correctness stage: a program wrong only at an odd count, or only
        above the core count, is caught by the defaults."""
        if self.check_threads:
            return sorted(set(self.check_threads))
        cores = os.cpu_count() or 1
        odd_above = max(4, cores) + 1
        odd_above += 1 - odd_above % 2
        return [1, 2, 3, 4, odd_above]

    def sweep(self) -> list[int]:
        """Thread counts of the timing stage: 1, 2, 4, ... and the core count P itself. Every count
        up to P would be 64 timed runs of the candidate on a 64-core machine, where a scaling curve
        needs only its doublings (and P, the count the speedup is reported at)."""
        if self.timing_threads:
            return sorted(set(self.timing_threads))
        cores = os.cpu_count() or 1
        return sorted({1 << i for i in range(cores.bit_length())} | {cores})

    @classmethod
    def quick(cls, **overrides) -> "EvalConfig":
        """Small inputs and few repetitions: seconds per candidate, for tests and smoke runs."""
        # Passive waiting: at quick sizes a spinning idle thread would look like a working one.
        base = dict(reps=2, warmup=0, timing_threads=[1, 2], timing_size=20000, timing_size_at_most_task=True, profile=False,
                    timing_wait_policy="passive",
                    race_runs=1, contention_retimes=0,
                    check_wall_s=20.0, race_wall_s=60.0, timing_wall_s=60.0)
        base.update(overrides)
        return cls(**base)
