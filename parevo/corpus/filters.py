"""The execution filters, in order: the model is used, solution + test program build with the
model's flags, the test passes at 1 and several threads (sandboxed), no data race under the
model's detector, and the solution is at least `min_speedup` times faster than its sequential
version at the machine's thread count. The checks themselves are the verifier's
(`verify.program` for whole programs); this module only turns their findings into the corpus's
rejection reasons.

A built-in task seed goes through the same build and test, then through the task's verifier
cascade in a killable worker (`verify.isolated`), whose validator, race stage and baseline
decide correctness, races and speedup.

The first failing filter names the rejection reason. An infrastructure failure (a compiler
crash, no cgroup, a worker killed) is not the candidate's fault: it comes back as `infra_error`,
which a rerun retries.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from pydantic import BaseModel, Field

from .. import paths
from ..errors import InfraError, SandboxUnavailable
from ..toolchain.build import BuildCache, tree_digest
from ..verify.config import EvalConfig
from ..verify.executor import EvalJob, Executor, LocalExecutor
from ..verify.program import ProgramConfig, WholeProgram
from ..verify.source import strip_comments_and_strings
from .replies import Draft
from .seeds import Seed

TASK_EVAL_TIMEOUT_S = 3600.0  # a task seed's whole cascade, in its worker


class FilterConfig(ProgramConfig):
    min_speedup: float = Field(1.0, ge=0.0)
    keep_unchecked: bool = True  # TBB has no honest race detector: keep (race_checked false) or drop
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


# the cascade's stage that failed -> the corpus's rejection reason (a later stage: too slow)
STAGE_REASONS = {"static": "not_parallel", "build": "build_failed", "correctness": "tests_failed", "race": "race"}


class Filters:
    def __init__(self, config: FilterConfig, cache: BuildCache | None = None, executor: Executor | None = None):
        self.config = config
        self.executor = executor or LocalExecutor(1)  # task seeds' cascade: a worker here, or a Ray node (--ray)
        self.cache = cache
        self._checkers: dict[str, WholeProgram] = {}

    def checker(self, model: str) -> WholeProgram:
        if model not in self._checkers:
            self._checkers[model] = WholeProgram(model, self.config, self.cache)
            self.cache = self._checkers[model].cache  # one build cache for every model
        return self._checkers[model]

    async def run(self, seed: Seed, draft: Draft) -> Verdict:
        """All filters on one draft; InfraError / SandboxUnavailable propagate (retry later)."""
        v = Verdict()
        wp = self.checker(seed.model)
        if missing := wp.missing():
            raise InfraError(f"model {seed.model} cannot be built here: {missing}")
        if usage := wp.model.check_usage(strip_comments_and_strings(draft.solution)):
            return v.reject("not_parallel", usage)
        dirs, digest = self._includes(seed)
        source = whole_program(seed, draft.solution, draft.test_program)
        built = await asyncio.to_thread(wp.build, source, dirs, digest)
        v.built = built.path is not None
        if built.path is None:
            return v.reject("build_failed", built.log)
        if problem := await asyncio.to_thread(wp.run_tests, built.path):
            v.tests_passed = False
            return v.reject("tests_failed", problem)
        v.tests_passed = True
        if seed.task:
            return await self._task(seed, draft, v)
        if not await asyncio.to_thread(self._race, wp, source, dirs, v):
            return v
        return await asyncio.to_thread(self._speedup, wp, seed, draft, v)

    def _includes(self, seed: Seed) -> tuple[list[Path], str]:
        if not seed.task:
            return [], ""
        from ..tasks import get_task

        task = get_task(seed.task)
        return [*paths.HARNESS_INCLUDE_DIRS, task.root], tree_digest(paths.runtime_headers() + task.header_files)

    def _race(self, wp: WholeProgram, source: str, dirs: list[Path], v: Verdict) -> bool:
        result = wp.race(source, dirs)
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

    def _speedup(self, wp: WholeProgram, seed: Seed, draft: Draft, v: Verdict) -> Verdict:
        if not draft.sequential:
            return v  # nothing to compare with: the speedup filter does not apply
        if not draft.has_benchmark:
            return v.reject("speedup_unmeasured", "a sequential version was given without `struct Benchmark`")
        dirs, digest = self._includes(seed)
        timed = wp.time_pair(whole_program(seed, draft.solution, draft.sequential), dirs, digest)
        v.threads = timed.threads or None
        if timed.speedup is None:
            return v.reject("speedup_unmeasured", timed.problem)
        v.speedup = timed.speedup
        if v.speedup < self.config.min_speedup:
            return v.reject("too_slow", f"speedup {v.speedup:.2f}x at {v.threads} threads "
                                        f"(sequential {timed.sequential_s:.4f} s, parallel {timed.parallel_s:.4f} s), "
                                        f"below {self.config.min_speedup:g}x")
        return v

    # -- built-in tasks: the verifier cascade, in a killable worker -----------------------------
    async def _task(self, seed: Seed, draft: Draft, v: Verdict) -> Verdict:
        threads = sorted({1, self.config.threads()})
        knobs = {"timing_threads": threads, "profile": False, "compare_reference": False}
        config = EvalConfig.quick(**knobs) if self.config.quick_tasks else EvalConfig(**knobs)
        workdir = Path(tempfile.mkdtemp(prefix="corpus-task-", dir=paths.cache_dir()))
        job = EvalJob(seed.task, seed.model, draft.solution, config, TASK_EVAL_TIMEOUT_S)
        result = (await self.executor.evaluate(job, workdir)).result  # it removes workdir
        if result.status == "error":
            raise InfraError(f"the verifier failed on task {seed.task}: {result.feedback}")
        v.race_free = result.race_free
        v.race_checked = result.race_free is not None
        stage = result.stage_reached
        if result.status == "fail":
            if stage == "build":
                v.built = False
            if stage == "correctness":
                v.tests_passed = False
            return v.reject(STAGE_REASONS.get(stage, "too_slow"), f"task validator: {result.feedback}")
        if not v.race_checked and not self.config.keep_unchecked:
            return v.reject("race_unchecked", (result.stage("race") or result.stages[-1]).detail)
        v.threads = result.metrics.get("threads_max", threads[-1])
        v.speedup = round(result.metrics["speedup"], 3) if result.metrics.get("speedup") is not None else None
        if v.speedup is None or v.speedup < self.config.min_speedup:
            return v.reject("too_slow", f"speedup {v.speedup}x over the task's baseline at {v.threads} threads, "
                                        f"below {self.config.min_speedup:g}x")
        return v


INFRA_ERRORS = (InfraError, SandboxUnavailable)
